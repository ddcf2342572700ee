using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;

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
    /// idempotency key returns success without counting twice, also after the vote closed.
    /// </summary>
    /// <remarks>
    /// "counted" is returned only after the commit that put the ballot in the tally, and the tally is read for the
    /// result under the vote's row lock: the cast holds the row with FOR SHARE (casts run side by side),
    /// <see cref="CloseVoteAsync"/> takes it FOR UPDATE, so a cast either commits before the close reads the tally or
    /// waits and then finds the vote closed and is refused. A secret vote writes no ballot row: the same transaction
    /// records who voted and raises the vote's <see cref="FormalVoteTally"/>, whose every count is rewritten.
    /// </remarks>
    public async Task<RoomResult> CastVoteAsync(Guid roomId, RoomActor actor, Guid voteId, VoteChoice choice, string? idempotencyKey, CancellationToken ct)
    {
        if (actor.ParticipantId is not Guid participantId) throw RoomErrors.Fail(RoomErrors.NotEligible);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 64 ? throw RoomErrors.Fail(RoomErrors.InvalidAnswer) : idempotencyKey;
        if (!Enum.IsDefined(choice)) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        var vote = await db.FormalVotes.AsNoTracking().Where(v => v.Id == voteId && v.ConsultationId == roomId)
            .Select(v => new { v.Status, v.Secret }).SingleOrDefaultAsync(ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (await RetriedAsync(voteId, participantId, key, ct) is { } retried) return retried;
        if (vote.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        var eligible = await db.Participants.AnyAsync(p => p.Id == participantId && p.ConsultationId == roomId && p.HasVotingRight && p.CheckedInAt != null, ct);
        if (!eligible) throw RoomErrors.Fail(RoomErrors.NotEligible);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var status = (await db.Database.SqlQuery<string>($"""
            SELECT "Status" AS "Value" FROM "FormalVotes" WHERE "Id" = {voteId} AND "ConsultationId" = {roomId} FOR SHARE
            """).ToListAsync(ct)).SingleOrDefault();
        if (status != nameof(BallotStatus.Open)) throw RoomErrors.Fail(RoomErrors.WrongState);
        var recorded = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "FormalVoteParticipations" ("VoteId", "ParticipantId", "IdempotencyKey", "At")
            VALUES ({voteId}, {participantId}, {key}, {Now}) ON CONFLICT DO NOTHING
            """, ct);
        if (recorded == 0)
        {
            // This voter (or this key) is already in: another copy of the submission won.
            await tx.RollbackAsync(ct);
            return await RetriedAsync(voteId, participantId, key, ct) ?? throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        var c = choice.ToString();
        var cast = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "FormalVoteTallies" AS t ("VoteId", "For", "Against", "Abstain")
            VALUES ({voteId}, ({c} = 'For')::int, ({c} = 'Against')::int, ({c} = 'Abstain')::int)
            ON CONFLICT ("VoteId") DO UPDATE SET "For" = t."For" + excluded."For", "Against" = t."Against" + excluded."Against",
                "Abstain" = t."Abstain" + excluded."Abstain"
            RETURNING t."For" + t."Against" + t."Abstain" AS "Value"
            """).ToListAsync(ct)).Single();
        if (!vote.Secret)
        {
            db.FormalBallots.Add(new FormalBallot { VoteId = voteId, ParticipantId = participantId, VoterName = actor.Name, Choice = choice });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new RoomResult([], [new VoteTurnoutEffect(voteId, cast)], "counted");
    }

    /// <summary>
    /// The answer to a repeated submission: "duplicate" for the same key (it was counted), a refusal for another key
    /// from a voter who already voted; null when this voter has not voted.
    /// </summary>
    private async Task<RoomResult?> RetriedAsync(Guid voteId, Guid participantId, string key, CancellationToken ct)
    {
        var previous = await db.FormalVoteParticipations.AsNoTracking().Where(x => x.VoteId == voteId && x.ParticipantId == participantId)
            .Select(x => x.IdempotencyKey).SingleOrDefaultAsync(ct);
        if (previous is null) return null;
        return previous == key ? new RoomResult([], [], "duplicate") : throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
    }

    /// <summary>
    /// Closes a vote and records the result from its tally, under the vote's row lock (see <see cref="CastVoteAsync"/>):
    /// every ballot acknowledged before is in it, every later one is refused. Quorum and pass rule: <see cref="VoteRules"/>.
    /// </summary>
    public async Task<RoomResult> CloseVoteAsync(Guid roomId, RoomActor actor, Guid voteId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "vote.close", ct);
        await using var unit = await BeginAsync(roomId, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            SELECT 1 FROM "FormalVotes" WHERE "Id" = {voteId} AND "ConsultationId" = {roomId} FOR UPDATE
            """, ct);
        var vote = await db.FormalVotes.SingleOrDefaultAsync(v => v.Id == voteId && v.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (vote.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        var tally = await db.FormalVoteTallies.AsNoTracking().SingleOrDefaultAsync(t => t.VoteId == voteId, ct) ?? new FormalVoteTally { VoteId = voteId };
        vote.For = tally.For;
        vote.Against = tally.Against;
        vote.Abstain = tally.Abstain;
        vote.Present = await db.Participants.CountAsync(p => p.ConsultationId == roomId && p.HasVotingRight && p.CheckedInAt != null, ct);
        vote.QuorumMet = VoteRules.QuorumMet(vote.Present, vote.Expected, vote.QuorumPercent);
        vote.Passed = VoteRules.Passed(vote.QuorumMet.Value, vote.For, vote.Expected, vote.PassPercent);
        vote.Status = BallotStatus.Closed;
        vote.ClosedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "vote.close", nameof(FormalVote), vote.Id, after: View(vote), at: Now);
        unit.Publish(RoomEventTypes.VoteClosed, View(vote));
        return new RoomResult(await unit.CommitAsync(ct), [], View(vote));
    }
}
