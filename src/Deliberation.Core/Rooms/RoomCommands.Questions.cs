using Deliberation.Core.Auditing;
using System.Text.Json;
using Deliberation.Core.Rooms.Writing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    private static readonly QuestionStatus[] Visible = [QuestionStatus.Open, QuestionStatus.Answering, QuestionStatus.Answered];

    /// <summary>
    /// Asks a question. Like comments, public questions wait when the room pre-moderates, and sensitive words queue;
    /// and like comments they are written in a group with whatever else the room received meanwhile.
    /// </summary>
    public async Task<RoomResult> AskQuestionAsync(Guid roomId, RoomActor actor, string? text, CancellationToken ct, Action<int>? publicGate = null)
    {
        var (_, clean, flag, held) = await PrepareSubmissionAsync(roomId, actor, text, RoomText.QuestionMax, publicGate, ct);
        var q = new Question
        {
            ConsultationId = roomId, AuthorKey = actor.Key, AuthorName = actor.Name, Tier = actor.Tier, Text = clean, CreatedAt = Now,
            Status = held ? QuestionStatus.Pending : QuestionStatus.Open, FlagReason = flag,
        };
        await WritePostAsync(roomId, RoomPost.Of(q, held ? null : JsonSerializer.Serialize(View(q), RoomUnit.Json)));
        RoomEffect[] effects = held ? [new QueueEffect("question", q.Id, "added", View(q))] : [];
        return new RoomResult([], effects, View(q));
    }

    /// <summary>
    /// Upvotes a question once per person. Returns false as value when this person had already voted. A vote for a
    /// merged question lands on the one that absorbed it.
    /// </summary>
    /// <remarks>
    /// The count and the voter row change in one transaction that holds the question's row lock from the count's
    /// UPDATE (which also checks that the question is open and not merged) to commit; <see cref="MergeQuestionsAsync"/>
    /// takes the same lock before it copies the votes. So a vote is either on the question before a merge copies it,
    /// or it sees the merge and follows it; the transaction holds one question's lock at a time.
    /// </remarks>
    public async Task<RoomResult> UpvoteQuestionAsync(Guid roomId, RoomActor actor, Guid questionId, CancellationToken ct)
    {
        RequireInteract(actor);
        var (open, answering) = (nameof(QuestionStatus.Open), nameof(QuestionStatus.Answering));
        for (var hops = 0; hops < 10; hops++)
        {
            var target = await ResolveMergedAsync(roomId, questionId, ct);
            if (target.Status is not (QuestionStatus.Open or QuestionStatus.Answering)) throw RoomErrors.Fail(RoomErrors.WrongState);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var votes = (await db.Database.SqlQuery<int>($"""
                UPDATE "Questions" SET "Votes" = "Votes" + 1
                WHERE "Id" = {target.Id} AND "ConsultationId" = {roomId} AND "MergedIntoId" IS NULL AND "Status" IN ({open}, {answering})
                RETURNING "Votes" AS "Value"
                """).ToListAsync(ct)).SingleOrDefault();
            if (votes == 0)
            {
                // Merged or closed since it was read: roll back and look again (a merge is followed, a close refused).
                await tx.RollbackAsync(ct);
                questionId = target.Id;
                continue;
            }
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "QuestionVotes" ("QuestionId", "VoterKey") VALUES ({target.Id}, {actor.Key}) ON CONFLICT DO NOTHING
                """, ct);
            if (inserted == 0) return new RoomResult([], [], false); // voted already: the count goes back with the rollback
            await tx.CommitAsync(ct);
            return new RoomResult([], [new QuestionVotesEffect(target.Id, votes)], true);
        }
        throw RoomErrors.Fail(RoomErrors.WrongState);
    }

    /// <summary>Follows merges, so a vote for a merged question lands on the one that absorbed it.</summary>
    private async Task<Question> ResolveMergedAsync(Guid roomId, Guid questionId, CancellationToken ct)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var q = await db.Questions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == questionId && x.ConsultationId == roomId, ct)
                ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
            if (q.MergedIntoId is not Guid next) return q;
            questionId = next;
        }
        throw RoomErrors.Fail(RoomErrors.WrongState);
    }

    /// <summary>
    /// Merges a duplicate into another question: votes combine (each voter once) and askers follow the merged one.
    /// Both rows are locked first (in id order, so two merges cannot deadlock) and the target's count is recounted
    /// under the lock, so upvotes racing the merge are neither lost nor counted twice.
    /// </summary>
    public async Task<RoomResult> MergeQuestionsAsync(Guid roomId, RoomActor actor, Guid sourceId, Guid targetId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "question.merge", ct);
        if (sourceId == targetId) throw RoomErrors.Fail(RoomErrors.WrongState);
        await using var unit = await BeginAsync(roomId, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            SELECT 1 FROM "Questions" WHERE "Id" IN ({sourceId}, {targetId}) AND "ConsultationId" = {roomId} ORDER BY "Id" FOR UPDATE
            """, ct);
        var source = await db.Questions.SingleOrDefaultAsync(x => x.Id == sourceId && x.ConsultationId == roomId, ct);
        var target = await db.Questions.SingleOrDefaultAsync(x => x.Id == targetId && x.ConsultationId == roomId, ct);
        if (source is null || target is null) throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (!Visible.Contains(source.Status) && source.Status != QuestionStatus.Pending || !Visible.Contains(target.Status))
        {
            throw RoomErrors.Fail(RoomErrors.WrongState);
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QuestionVotes" ("QuestionId", "VoterKey")
            SELECT {targetId}, "VoterKey" FROM "QuestionVotes" WHERE "QuestionId" = {sourceId}
            ON CONFLICT DO NOTHING
            """, ct);
        target.Votes = await db.QuestionVotes.CountAsync(v => v.QuestionId == targetId, ct);
        target.MergedCount += 1 + source.MergedCount;
        var earlier = await db.Questions.Where(x => x.MergedIntoId == sourceId).ToListAsync(ct);
        foreach (var e in earlier) e.MergedIntoId = targetId;
        source.Status = QuestionStatus.Merged;
        source.MergedIntoId = targetId;
        AuditLog.Record(db, AuditActor(actor), "question.merge", nameof(Question), sourceId, after: new { targetId }, at: Now);
        unit.Publish(RoomEventTypes.QuestionUpdated, View(source));
        unit.Publish(RoomEventTypes.QuestionUpdated, View(target));
        var events = await unit.CommitAsync(ct);
        var askers = earlier.Select(e => e.AuthorKey).Append(source.AuthorKey).Distinct();
        return new RoomResult(events, askers.Select(k => (RoomEffect)new NoticeEffect(k, "question.merged", targetId.ToString()))
            .Append(new QueueEffect("question", sourceId, "removed")).ToList());
    }

    /// <summary>Shows a queued question.</summary>
    public Task<RoomResult> ApproveQuestionAsync(Guid roomId, RoomActor actor, Guid id, CancellationToken ct) =>
        ChangeQuestionAsync(roomId, actor, id, "question.approve", [QuestionStatus.Pending], q => q.Status = QuestionStatus.Open, RoomEventTypes.QuestionAsked, ct);

    /// <summary>Marks a question as being answered now (正在回答).</summary>
    public Task<RoomResult> MarkAnsweringAsync(Guid roomId, RoomActor actor, Guid id, CancellationToken ct) =>
        ChangeQuestionAsync(roomId, actor, id, "question.answering", [QuestionStatus.Open], q => q.Status = QuestionStatus.Answering, RoomEventTypes.QuestionUpdated, ct);

    /// <summary>Records the answer (已回答): who answered, e.g. a department's on-the-spot response, and a short text.</summary>
    public Task<RoomResult> AnswerQuestionAsync(Guid roomId, RoomActor actor, Guid id, string? answeredBy, string? answer, CancellationToken ct)
    {
        var by = string.IsNullOrWhiteSpace(answeredBy) ? actor.Name : RoomText.Clean(answeredBy, 100);
        var text = string.IsNullOrWhiteSpace(answer) ? null : RoomText.Clean(answer, 1000);
        return ChangeQuestionAsync(roomId, actor, id, "question.answer", [QuestionStatus.Open, QuestionStatus.Answering], q =>
        {
            q.Status = QuestionStatus.Answered;
            q.AnsweredBy = by;
            q.AnswerText = text;
            q.AnsweredAt = Now;
        }, RoomEventTypes.QuestionUpdated, ct);
    }

    /// <summary>Takes a question down.</summary>
    public Task<RoomResult> HideQuestionAsync(Guid roomId, RoomActor actor, Guid id, CancellationToken ct) =>
        ChangeQuestionAsync(roomId, actor, id, "question.hide", [QuestionStatus.Pending, .. Visible], q => q.Status = QuestionStatus.Hidden, RoomEventTypes.QuestionUpdated, ct);

    private async Task<RoomResult> ChangeQuestionAsync(Guid roomId, RoomActor actor, Guid id, string action, QuestionStatus[] from,
        Action<Question> change, string eventType, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, action, ct);
        var q = await db.Questions.SingleOrDefaultAsync(x => x.Id == id && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (!from.Contains(q.Status)) throw RoomErrors.Fail(RoomErrors.WrongState);
        var before = q.Status;
        change(q);
        AuditLog.Record(db, AuditActor(actor), action, nameof(Question), q.Id, new { Status = before }, new { q.Status, q.AnsweredBy }, Now);
        await using var unit = await BeginAsync(roomId, ct);
        var wasHiddenFromRoom = before == QuestionStatus.Pending && q.Status == QuestionStatus.Hidden;
        if (!wasHiddenFromRoom) unit.Publish(eventType, View(q));
        var events = await unit.CommitAsync(ct);
        var effects = new List<RoomEffect> { new NoticeEffect(q.AuthorKey, $"question.{q.Status.ToString().ToLowerInvariant()}", q.Id.ToString(), q.Id) };
        if (before == QuestionStatus.Pending) effects.Add(new QueueEffect("question", q.Id, "removed"));
        return new RoomResult(events, effects);
    }
}
