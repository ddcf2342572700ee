using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>Prepares a poll (not yet open).</summary>
    public async Task<RoomResult> CreatePollAsync(Guid roomId, RoomActor actor, PollDraft draft, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "poll.create", ct);
        RequireNotClosed(await LoadRoomAsync(roomId, ct));
        var options = (draft.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
        var choice = draft.Kind is PollKind.Single or PollKind.Multiple;
        if (choice && (options.Count < 2 || options.Count > 12 || options.Any(o => o.Length > 100))) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        var poll = new Poll
        {
            ConsultationId = roomId, Title = RoomText.Clean(draft.Title, RoomText.ShortMax), Kind = draft.Kind,
            Options = choice ? options : [], MaxChoices = draft.Kind == PollKind.Multiple ? Math.Clamp(draft.MaxChoices, 1, options.Count) : 1,
            ShowResultsLive = draft.ShowResultsLive, AllowChange = draft.AllowChange, Status = BallotStatus.Draft, CreatedAt = Now,
        };
        db.Polls.Add(poll);
        AuditLog.Record(db, AuditActor(actor), "poll.create", nameof(Poll), poll.Id, after: View(poll), at: Now);
        await db.SaveChangesAsync(ct);
        return new RoomResult([], [], View(poll));
    }

    /// <summary>Opens a poll to the room.</summary>
    public async Task<RoomResult> OpenPollAsync(Guid roomId, RoomActor actor, Guid pollId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "poll.open", ct);
        RequireLive(await LoadRoomAsync(roomId, ct));
        var poll = await db.Polls.SingleOrDefaultAsync(p => p.Id == pollId && p.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (poll.Status != BallotStatus.Draft) throw RoomErrors.Fail(RoomErrors.WrongState);
        poll.Status = BallotStatus.Open;
        poll.OpenedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "poll.open", nameof(Poll), poll.Id, at: Now);
        await using var unit = await BeginAsync(roomId, ct);
        unit.Publish(RoomEventTypes.PollOpened, View(poll));
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>Closes a poll; the final results go to everyone with the event.</summary>
    public async Task<RoomResult> ClosePollAsync(Guid roomId, RoomActor actor, Guid pollId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "poll.close", ct);
        var poll = await db.Polls.SingleOrDefaultAsync(p => p.Id == pollId && p.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (poll.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        poll.Status = BallotStatus.Closed;
        poll.ClosedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "poll.close", nameof(Poll), poll.Id, at: Now);
        await using var unit = await BeginAsync(roomId, ct);
        await db.SaveChangesAsync(ct);
        var tally = await new RoomQueries(db).TallyPollAsync(poll, ct);
        unit.Publish(RoomEventTypes.PollClosed, new { Poll = View(poll), Tally = tally });
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>Answers a poll: one answer per person; a second replaces the first when the poll allows it.</summary>
    public async Task<RoomResult> AnswerPollAsync(Guid roomId, RoomActor actor, Guid pollId, IReadOnlyList<int>? choices, int? rating, string? text, CancellationToken ct)
    {
        RequireInteract(actor);
        var poll = await db.Polls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pollId && p.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (poll.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        var answer = new PollAnswer { PollId = pollId, VoterKey = actor.Key, At = Now };
        switch (poll.Kind)
        {
            case PollKind.Single or PollKind.Multiple:
                var picked = (choices ?? []).Distinct().ToList();
                var max = poll.Kind == PollKind.Single ? 1 : poll.MaxChoices;
                if (picked.Count == 0) throw RoomErrors.Fail(RoomErrors.ChoiceRequired);
                if (picked.Count > max) throw RoomErrors.Fail(RoomErrors.TooManyChoices, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (picked.Any(c => c < 0 || c >= poll.Options.Count)) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
                answer.Choices = picked;
                break;
            case PollKind.Rating:
                if (rating is null) throw RoomErrors.Fail(RoomErrors.RatingRequired);
                if (rating is not (>= 1 and <= 5)) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
                answer.Rating = rating;
                break;
            default:
                answer.Text = RoomText.Clean(text, 20);
                break;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.PollAnswers.SingleOrDefaultAsync(a => a.PollId == pollId && a.VoterKey == actor.Key, ct);
        if (existing is not null)
        {
            if (!poll.AllowChange) throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
            existing.Choices = answer.Choices;
            existing.Rating = answer.Rating;
            existing.Text = answer.Text;
            existing.At = Now;
        }
        else
        {
            db.PollAnswers.Add(answer);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        // Last, so the poll row is locked only for the commit: answers commit one after another in version order.
        await db.Polls.Where(p => p.Id == pollId && p.ConsultationId == roomId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TallyVersion, p => p.TallyVersion + 1), ct);
        await tx.CommitAsync(ct);
        return new RoomResult([], [new PollDirtyEffect(pollId)], true);
    }
}
