using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>Reads of the live room: the join snapshot, missed events, tallies and the moderation queue.</summary>
public sealed class RoomQueries(HubDbContext db)
{
    /// <summary>Most events one resume call returns; a client further behind reloads the snapshot.</summary>
    public const int ResumeLimit = 2000;

    /// <summary>The events after <paramref name="afterSeq"/>, in order (at most <see cref="ResumeLimit"/>).</summary>
    public async Task<IReadOnlyList<CommittedEvent>> EventsAfterAsync(Guid roomId, long afterSeq, CancellationToken ct) =>
        await db.RoomEvents.AsNoTracking()
            .Where(e => e.ConsultationId == roomId && e.Seq > afterSeq)
            .OrderBy(e => e.Seq).Take(ResumeLimit)
            .Select(e => new CommittedEvent(e.ConsultationId, e.Seq, e.Type, e.At, e.Payload))
            .ToListAsync(ct);

    /// <summary>The last sequence number of the room (0 when nothing happened yet).</summary>
    public async Task<long> LastSeqAsync(Guid roomId, CancellationToken ct) =>
        await db.RoomStreams.Where(s => s.ConsultationId == roomId).Select(s => (long?)s.LastSeq).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>Everything a client needs to draw the room from scratch, as of <see cref="RoomSnapshot.Seq"/>.</summary>
    public async Task<RoomSnapshot> SnapshotAsync(Guid roomId, RoomActor actor, CancellationToken ct)
    {
        // Read the sequence first: anything committed later arrives as events and the client skips duplicates by id.
        var seq = await LastSeqAsync(roomId, ct);
        var room = await db.Consultations.AsNoTracking().Include(c => c.Agenda).SingleAsync(c => c.Id == roomId, ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == roomId && c.Status == CommentStatus.Approved)
            .OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        var pinned = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == roomId && c.Status == CommentStatus.Approved && c.Pinned)
            .ToListAsync(ct);
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.ConsultationId == roomId && (q.Status == QuestionStatus.Open || q.Status == QuestionStatus.Answering || q.Status == QuestionStatus.Answered
                || (q.Status == QuestionStatus.Merged && q.AuthorKey == actor.Key) || (q.Status == QuestionStatus.Pending && q.AuthorKey == actor.Key)))
            .OrderByDescending(q => q.Votes).Take(200).ToListAsync(ct);
        var floor = await db.Speeches.AsNoTracking().Where(s => s.ConsultationId == roomId && (s.Status == SpeechStatus.Queued || s.Status == SpeechStatus.Speaking))
            .OrderBy(s => s.Position).ToListAsync(ct);
        var polls = await db.Polls.AsNoTracking().Where(p => p.ConsultationId == roomId && p.Status != BallotStatus.Draft)
            .OrderByDescending(p => p.OpenedAt).Take(10).ToListAsync(ct);
        var tallies = new List<PollTally>();
        foreach (var p in polls.Where(p => p.Status == BallotStatus.Closed || p.ShowResultsLive || actor.CanModerate)) tallies.Add(await TallyPollAsync(p, ct));
        var myAnswers = await db.PollAnswers.AsNoTracking().Where(a => a.VoterKey == actor.Key && polls.Select(p => p.Id).Contains(a.PollId)).ToListAsync(ct);
        var votes = await db.FormalVotes.AsNoTracking().Where(v => v.ConsultationId == roomId && v.Status != BallotStatus.Draft)
            .OrderByDescending(v => v.OpenedAt).Take(5).ToListAsync(ct);
        var votedIds = actor.ParticipantId is Guid pid
            ? await db.FormalVoteParticipations.Where(x => x.ParticipantId == pid).Select(x => x.VoteId).ToListAsync(ct) : [];
        var questionnaire = await db.Questionnaires.AsNoTracking().Where(q => q.ConsultationId == roomId && q.Status == BallotStatus.Open)
            .OrderByDescending(q => q.CreatedAt).FirstOrDefaultAsync(ct);
        var answered = questionnaire is not null && await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == questionnaire.Id && r.RespondentKey == actor.Key, ct);
        List<Comment> myPending = actor.IsAnonymousWatcher ? [] : await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == roomId && c.AuthorKey == actor.Key && c.Status == CommentStatus.Pending)
            .OrderByDescending(c => c.CreatedAt).Take(20).ToListAsync(ct);
        var current = room.Agenda.FirstOrDefault(a => a.Id == room.Room.CurrentAgendaItemId);
        var speaking = floor.FirstOrDefault(s => s.Status == SpeechStatus.Speaking);

        return new RoomSnapshot(
            seq, room.Id, room.Title, room.Status.ToString(), room.PublicAccess.ToString(), room.RoomCode,
            room.Agenda.OrderBy(a => a.Order).Select(a => new AgendaView(a.Id, a.Order, a.Title, a.Presenter, a.DurationMinutes)).ToList(),
            current?.Id, room.Room.Announcement,
            pinned.Concat(comments).DistinctBy(c => c.Id).OrderBy(c => c.CreatedAt).Select(RoomCommands.View).ToList(),
            questions.Select(RoomCommands.View).ToList(),
            floor.Where(s => s.Status == SpeechStatus.Queued).Select(RoomCommands.FloorView).ToList(),
            speaking is null ? RoomCommands.NoSpeaker : RoomCommands.SpeakerOf(speaking),
            polls.Select(RoomCommands.View).ToList(), tallies,
            myAnswers.Select(a => new MyPollAnswer(a.PollId, a.Choices, a.Rating, a.Text)).ToList(),
            votes.Select(RoomCommands.View).ToList(), votedIds.Intersect(votes.Select(v => v.Id)).ToList(),
            questionnaire is null ? null : RoomCommands.View(questionnaire), answered,
            await db.QuestionVotes.Where(v => v.VoterKey == actor.Key && questions.Select(q => q.Id).Contains(v.QuestionId)).Select(v => v.QuestionId).ToListAsync(ct),
            room.Room.SpeakingMinutes, myPending.OrderBy(c => c.CreatedAt).Select(RoomCommands.View).ToList());
    }

    /// <summary>
    /// Current results of a poll with their <see cref="PollTally.Version"/>. Outside a transaction the version and the
    /// counts are read in one repeatable-read snapshot, so equal versions mean equal counts on every node.
    /// </summary>
    public async Task<PollTally> TallyPollAsync(Poll poll, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await ReadTallyAsync(poll, ct);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var tally = await ReadTallyAsync(poll, ct);
        await tx.CommitAsync(ct);
        return tally;
    }

    /// <summary>The current vote count of each question shown in the room (what a resuming client may have missed).</summary>
    public async Task<IReadOnlyList<(Guid Id, int Votes)>> QuestionVotesAsync(Guid roomId, CancellationToken ct) =>
        (await db.Questions.AsNoTracking()
            .Where(q => q.ConsultationId == roomId && (q.Status == QuestionStatus.Open || q.Status == QuestionStatus.Answering || q.Status == QuestionStatus.Answered))
            .OrderByDescending(q => q.Votes).Take(500)
            .Select(q => new { q.Id, q.Votes }).ToListAsync(ct))
        .Select(q => (q.Id, q.Votes)).ToList();

    private async Task<PollTally> ReadTallyAsync(Poll poll, CancellationToken ct)
    {
        // The version first: in the snapshot it names exactly the answers counted below.
        var version = await db.Polls.Where(p => p.Id == poll.Id).Select(p => p.TallyVersion).SingleAsync(ct);
        var answers = db.PollAnswers.AsNoTracking().Where(a => a.PollId == poll.Id);
        var respondents = await answers.CountAsync(ct);
        switch (poll.Kind)
        {
            case PollKind.Single or PollKind.Multiple:
                var counts = await db.Database.SqlQuery<OptionCount>($"""
                    SELECT c AS "Option", count(*)::int AS "Count" FROM "PollAnswers", unnest("Choices") AS c
                    WHERE "PollId" = {poll.Id} GROUP BY c
                    """).ToListAsync(ct);
                return new PollTally(poll.Id, respondents,
                    Enumerable.Range(0, poll.Options.Count).Select(i => counts.FirstOrDefault(c => c.Option == i)?.Count ?? 0).ToList(), null, [], version);
            case PollKind.Rating:
                var ratings = await answers.GroupBy(a => a.Rating!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                var dist = Enumerable.Range(1, 5).Select(r => ratings.FirstOrDefault(x => x.Key == r)?.Count ?? 0).ToList();
                double? avg = respondents == 0 ? null : Math.Round(dist.Select((n, i) => n * (i + 1.0)).Sum() / respondents, 2);
                return new PollTally(poll.Id, respondents, dist, avg, [], version);
            default:
                var words = await answers.GroupBy(a => a.Text!).Select(g => new { g.Key, Count = g.Count() })
                    .OrderByDescending(g => g.Count).Take(40).ToListAsync(ct);
                return new PollTally(poll.Id, respondents, [], null, words.Select(w => new WordCount(w.Key, w.Count)).ToList(), version);
        }
    }

    private sealed record OptionCount(int Option, int Count);

    /// <summary>The moderation queue: pending and report-hidden comments, pending questions.</summary>
    public async Task<ModerationQueue> QueueAsync(Guid roomId, CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == roomId && (c.Status == CommentStatus.Pending || (c.Status == CommentStatus.Hidden && c.FlagReason == "reports" && c.ModeratedAt == null)))
            .OrderBy(c => c.CreatedAt).Take(500)
            .Select(c => new QueuedComment(c.Id, c.AuthorKey, c.AuthorName, c.Tier.ToString(), c.Text, c.Status.ToString(), c.FlagReason, c.ReportCount, c.CreatedAt))
            .ToListAsync(ct);
        var questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == roomId && q.Status == QuestionStatus.Pending)
            .OrderBy(q => q.CreatedAt).Take(500).ToListAsync(ct);
        var blocked = await db.RoomBlocks.AsNoTracking().Where(b => b.ConsultationId == roomId).Select(b => new BlockedView(b.ParticipantKey, b.DisplayName)).ToListAsync(ct);
        return new ModerationQueue(comments, questions.Select(RoomCommands.View).ToList(), blocked);
    }
}
