using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using System.Text.Json;
using Deliberation.Core.Rooms.Writing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>The result of posting: the comment's id and whether it is shown or waits for a moderator.</summary>
    public sealed record PostedComment(Guid Id, string Status, string? FlagReason);

    /// <summary>
    /// Posts a comment. Public comments wait in the queue when the room pre-moderates; sensitive words always queue.
    /// Written in a group with whatever else the room received meanwhile (<see cref="WritePostAsync"/>).
    /// </summary>
    public async Task<RoomResult> PostCommentAsync(Guid roomId, RoomActor actor, string? text, CancellationToken ct, Action<int>? publicGate = null)
    {
        var (room, clean, flag, held) = await PrepareSubmissionAsync(roomId, actor, text, RoomText.CommentMax, publicGate, ct);
        var comment = new Comment
        {
            ConsultationId = roomId, AuthorKey = actor.Key, AuthorName = actor.Name, Tier = actor.Tier, Sector = actor.Sector,
            Text = clean, CreatedAt = Now, AgendaItemId = room.CurrentAgendaItemId,
            Status = held ? CommentStatus.Pending : CommentStatus.Approved, FlagReason = flag,
        };
        await WritePostAsync(roomId, RoomPost.Of(comment, held ? null : JsonSerializer.Serialize(View(comment), RoomUnit.Json)));
        // The writer handed the event to the broadcaster already, in sequence order with its group.
        RoomEffect[] effects = held ? [new QueueEffect("comment", comment.Id, "added", Queued(comment))] : [];
        return new RoomResult([], effects, new PostedComment(comment.Id, comment.Status.ToString(), comment.FlagReason));
    }

    /// <summary>Shows a queued (or report-hidden) comment.</summary>
    public Task<RoomResult> ApproveCommentAsync(Guid roomId, RoomActor actor, Guid commentId, CancellationToken ct) =>
        ModerateAsync(roomId, actor, commentId, "comment.approve", [CommentStatus.Pending, CommentStatus.Hidden], c =>
        {
            c.Status = CommentStatus.Approved;
            return (RoomEventTypes.CommentShown, View(c), new NoticeEffect(c.AuthorKey, "comment.approved", c.Id.ToString(), c.Id));
        }, ct);

    /// <summary>Refuses a queued comment with a reason the author sees.</summary>
    public Task<RoomResult> RejectCommentAsync(Guid roomId, RoomActor actor, Guid commentId, string? reason, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : RoomText.Clean(reason, RoomText.ShortMax);
        return ModerateAsync(roomId, actor, commentId, "comment.reject", [CommentStatus.Pending], c =>
        {
            c.Status = CommentStatus.Rejected;
            c.ModerationReason = why;
            return (null, null, new NoticeEffect(c.AuthorKey, "comment.rejected", why, c.Id));
        }, ct);
    }

    /// <summary>The queue's row of a comment waiting for review.</summary>
    public static QueuedComment Queued(Comment c) =>
        new(c.Id, c.AuthorKey, c.AuthorName, c.Tier.ToString(), c.Text, c.Status.ToString(), c.FlagReason, c.ReportCount, c.CreatedAt);

    /// <summary>Takes a shown comment down; a comment hidden by reports stays hidden and leaves the queue.</summary>
    public Task<RoomResult> HideCommentAsync(Guid roomId, RoomActor actor, Guid commentId, string? reason, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : RoomText.Clean(reason, RoomText.ShortMax);
        return ModerateAsync(roomId, actor, commentId, "comment.hide", [CommentStatus.Approved, CommentStatus.Pending, CommentStatus.Hidden], c =>
        {
            var wasShown = c.Status == CommentStatus.Approved;
            c.Status = CommentStatus.Hidden;
            c.Pinned = false;
            c.ModerationReason = why;
            return wasShown ? (RoomEventTypes.CommentRemoved, new { c.Id }, null) : (null, null, null);
        }, ct);
    }

    /// <summary>Pins a shown comment to the top, or unpins it.</summary>
    public Task<RoomResult> PinCommentAsync(Guid roomId, RoomActor actor, Guid commentId, bool pinned, CancellationToken ct) =>
        ModerateAsync(roomId, actor, commentId, "comment.pin", [CommentStatus.Approved], c =>
        {
            c.Pinned = pinned;
            return (RoomEventTypes.CommentPinned, new { c.Id, Pinned = pinned }, null);
        }, ct);

    private async Task<RoomResult> ModerateAsync(Guid roomId, RoomActor actor, Guid commentId, string action, CommentStatus[] from,
        Func<Comment, (string? Type, object? Payload, RoomEffect? Effect)> change, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, action, ct);
        var c = await db.Comments.SingleOrDefaultAsync(x => x.Id == commentId && x.ConsultationId == roomId, ct)
            ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (!from.Contains(c.Status)) throw RoomErrors.Fail(RoomErrors.WrongState);
        var before = c.Status;
        var (type, payload, effect) = change(c);
        c.ModeratedBy = actor.Name;
        c.ModeratedAt = Now;
        AuditLog.Record(db, AuditActor(actor), action, nameof(Comment), c.Id, new { Status = before }, new { c.Status, c.ModerationReason, c.Pinned }, Now);
        await using var unit = await BeginAsync(roomId, ct);
        if (type is not null) unit.Publish(type, payload);
        var events = await unit.CommitAsync(ct);
        var effects = new List<RoomEffect> { new QueueEffect("comment", c.Id, "removed") };
        if (effect is not null) effects.Add(effect);
        return new RoomResult(events, effects);
    }

    /// <summary>
    /// Reports a comment; at the room's threshold of distinct reporters it is hidden pending review. The count goes
    /// up in one statement that also hides the comment when it reaches the threshold, so concurrent reports are all
    /// counted and exactly one of them (the one that crossed the threshold) puts the comment in the queue.
    /// </summary>
    public async Task<RoomResult> ReportCommentAsync(Guid roomId, RoomActor actor, Guid commentId, CancellationToken ct)
    {
        RequireInteract(actor);
        var room = await LoadRoomAsync(roomId, ct);
        var author = await db.Comments.AsNoTracking().Where(x => x.Id == commentId && x.ConsultationId == roomId && x.Status == CommentStatus.Approved)
            .Select(x => x.AuthorKey).SingleOrDefaultAsync(ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (author == actor.Key) throw RoomErrors.Fail(RoomErrors.WrongState);
        var threshold = Math.Max(1, room.Room.ReportThreshold);
        await using var unit = await BeginAsync(roomId, ct);
        var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "CommentReports" ("CommentId", "ReporterKey", "At") VALUES ({commentId}, {actor.Key}, {Now}) ON CONFLICT DO NOTHING
            """, ct);
        if (added == 0) return RoomResult.None; // this person had reported it already
        var (approved, hidden) = (nameof(CommentStatus.Approved), nameof(CommentStatus.Hidden));
        var status = (await db.Database.SqlQuery<string>($"""
            UPDATE "Comments" SET "ReportCount" = "ReportCount" + 1,
                "Status" = CASE WHEN "ReportCount" + 1 >= {threshold} THEN {hidden} ELSE "Status" END,
                "Pinned" = "Pinned" AND "ReportCount" + 1 < {threshold},
                "FlagReason" = CASE WHEN "ReportCount" + 1 >= {threshold} THEN 'reports' ELSE "FlagReason" END,
                "ModeratedAt" = CASE WHEN "ReportCount" + 1 >= {threshold} THEN NULL ELSE "ModeratedAt" END
            WHERE "Id" = {commentId} AND "ConsultationId" = {roomId} AND "Status" = {approved}
            RETURNING "Status" AS "Value"
            """).ToListAsync(ct)).SingleOrDefault();
        if (status is null) return RoomResult.None; // taken down meanwhile: the report no longer matters (rolled back)
        var hide = status == hidden;
        if (hide) unit.Publish(RoomEventTypes.CommentRemoved, new { Id = commentId });
        var events = await unit.CommitAsync(ct);
        if (!hide) return new RoomResult(events, []);
        var c = await db.Comments.AsNoTracking().SingleAsync(x => x.Id == commentId && x.ConsultationId == roomId, ct);
        return new RoomResult(events, [new QueueEffect("comment", c.Id, "added", Queued(c))]);
    }

    /// <summary>Stops a participant from posting in this session.</summary>
    public async Task<RoomResult> BlockAsync(Guid roomId, RoomActor actor, string participantKey, string displayName, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "participant.block", ct);
        if (await IsBlockedAsync(roomId, participantKey, ct)) return RoomResult.None;
        db.RoomBlocks.Add(new RoomBlock { ConsultationId = roomId, ParticipantKey = participantKey, DisplayName = displayName, BlockedBy = actor.Name, At = Now });
        AuditLog.Record(db, AuditActor(actor), "participant.block", nameof(Consultation), roomId, after: new { participantKey, displayName }, at: Now);
        await db.SaveChangesAsync(ct);
        shapes.Invalidate(roomId);
        return new RoomResult([], [new NoticeEffect(participantKey, "participant.blocked", null)]);
    }

    /// <summary>Lets a blocked participant post again.</summary>
    public async Task<RoomResult> UnblockAsync(Guid roomId, RoomActor actor, string participantKey, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "participant.unblock", ct);
        await db.RoomBlocks.Where(b => b.ConsultationId == roomId && b.ParticipantKey == participantKey).ExecuteDeleteAsync(ct);
        AuditLog.Record(db, AuditActor(actor), "participant.unblock", nameof(Consultation), roomId, after: new { participantKey }, at: Now);
        await db.SaveChangesAsync(ct);
        shapes.Invalidate(roomId);
        return RoomResult.None;
    }
}
