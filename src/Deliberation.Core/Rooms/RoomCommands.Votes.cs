using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>Prepares a formal vote (表决) with its quorum and pass rule.</summary>
    public async Task<RoomResult> CreateVoteAsync(Guid roomId, RoomActor actor, VoteDraft draft, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "vote.create", ct);
        RequireNotClosed(await LoadRoomAsync(roomId, ct));
        if (draft.QuorumPercent is < 0 or > 100 || draft.PassPercent is < 0 or > 100) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        var vote = new FormalVote
        {
            ConsultationId = roomId, Title = RoomText.Clean(draft.Title, 300), Secret = draft.Secret,
            QuorumPercent = draft.QuorumPercent, PassPercent = draft.PassPercent, Status = BallotStatus.Draft, CreatedAt = Now,
        };
        db.FormalVotes.Add(vote);
        AuditLog.Record(db, AuditActor(actor), "vote.create", nameof(FormalVote), vote.Id, after: View(vote), at: Now);
        await db.SaveChangesAsync(ct);
        return new RoomResult([], [], View(vote));
    }

    /// <summary>Opens a vote; the expected and present voters are counted now.</summary>
    public async Task<RoomResult> OpenVoteAsync(Guid roomId, RoomActor actor, Guid voteId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "vote.open", ct);
        RequireLive(await LoadRoomAsync(roomId, ct));
        var vote = await db.FormalVotes.SingleOrDefaultAsync(v => v.Id == voteId && v.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (vote.Status != BallotStatus.Draft) throw RoomErrors.Fail(RoomErrors.WrongState);
        vote.Expected = await db.Participants.CountAsync(p => p.ConsultationId == roomId && p.HasVotingRight, ct);
        vote.Present = await db.Participants.CountAsync(p => p.ConsultationId == roomId && p.HasVotingRight && p.CheckedInAt != null, ct);
        vote.Status = BallotStatus.Open;
        vote.OpenedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "vote.open", nameof(FormalVote), vote.Id, after: new { vote.Expected, vote.Present }, at: Now);
        await using var unit = await BeginAsync(roomId, ct);
        unit.Publish(RoomEventTypes.VoteOpened, View(vote));
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>
    /// Casts a ballot. Only checked-in participants with voting rights; one ballot each. A retry with the same
    /// idempotency key returns success without counting twice.
    /// </summary>
    public async Task<RoomResult> CastVoteAsync(Guid roomId, RoomActor actor, Guid voteId, VoteChoice choice, string? idempotencyKey, CancellationToken ct)
    {
        if (actor.ParticipantId is not Guid participantId) throw RoomErrors.Fail(RoomErrors.NotEligible);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 64 ? throw RoomErrors.Fail(RoomErrors.InvalidAnswer) : idempotencyKey;
        var vote = await db.FormalVotes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId && v.ConsultationId == roomId, ct)
            ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (vote.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        var eligible = await db.Participants.AnyAsync(p => p.Id == participantId && p.ConsultationId == roomId && p.HasVotingRight && p.CheckedInAt != null, ct);
        if (!eligible) throw RoomErrors.Fail(RoomErrors.NotEligible);

        var previous = await db.FormalVoteParticipations.AsNoTracking().SingleOrDefaultAsync(x => x.VoteId == voteId && x.ParticipantId == participantId, ct);
        if (previous is not null)
        {
            return previous.IdempotencyKey == key ? new RoomResult([], [], "duplicate") : throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        db.FormalVoteParticipations.Add(new FormalVoteParticipation { VoteId = voteId, ParticipantId = participantId, IdempotencyKey = key, At = Now });
        db.FormalBallots.Add(new FormalBallot
        {
            VoteId = voteId, Choice = choice,
            ParticipantId = vote.Secret ? null : participantId,
            VoterName = vote.Secret ? null : actor.Name,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two copies of the same submission raced; the other one counted.
            db.ChangeTracker.Clear();
            var winner = await db.FormalVoteParticipations.AsNoTracking().SingleAsync(x => x.VoteId == voteId && x.ParticipantId == participantId, ct);
            return winner.IdempotencyKey == key ? new RoomResult([], [], "duplicate") : throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        var cast = await db.FormalVoteParticipations.CountAsync(x => x.VoteId == voteId, ct);
        return new RoomResult([], [new VoteTurnoutEffect(voteId, cast)], "counted");
    }

    /// <summary>
    /// Closes a vote and records the result: quorum is met when checked-in voters exceed QuorumPercent of the
    /// expected voters; the motion passes when "for" exceeds PassPercent of the voters present.
    /// </summary>
    public async Task<RoomResult> CloseVoteAsync(Guid roomId, RoomActor actor, Guid voteId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "vote.close", ct);
        var vote = await db.FormalVotes.SingleOrDefaultAsync(v => v.Id == voteId && v.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (vote.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        var counts = await db.FormalBallots.Where(b => b.VoteId == voteId).GroupBy(b => b.Choice)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        vote.For = counts.SingleOrDefault(c => c.Key == VoteChoice.For)?.Count ?? 0;
        vote.Against = counts.SingleOrDefault(c => c.Key == VoteChoice.Against)?.Count ?? 0;
        vote.Abstain = counts.SingleOrDefault(c => c.Key == VoteChoice.Abstain)?.Count ?? 0;
        vote.Present = await db.Participants.CountAsync(p => p.ConsultationId == roomId && p.HasVotingRight && p.CheckedInAt != null, ct);
        vote.QuorumMet = VoteRules.QuorumMet(vote.Present, vote.Expected, vote.QuorumPercent);
        vote.Passed = VoteRules.Passed(vote.QuorumMet.Value, vote.For, vote.Present, vote.PassPercent);
        vote.Status = BallotStatus.Closed;
        vote.ClosedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "vote.close", nameof(FormalVote), vote.Id, after: View(vote), at: Now);
        await using var unit = await BeginAsync(roomId, ct);
        unit.Publish(RoomEventTypes.VoteClosed, View(vote));
        return new RoomResult(await unit.CommitAsync(ct), [], View(vote));
    }
}
