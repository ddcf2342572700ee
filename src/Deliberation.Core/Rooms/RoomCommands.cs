using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms.Writing;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>
/// The rules of the live room: every action a participant or moderator takes, each in one transaction that
/// commits the record and its sequenced events together (see <see cref="RoomUnit"/>). Framework-free: the
/// SignalR hub only adapts calls to these methods and broadcasts what they return. Comments and questions are written
/// in per-room groups by <see cref="RoomPostWriter"/>: one transaction per group of actions.
/// </summary>
public sealed partial class RoomCommands(HubDbContext db, TimeProvider clock, RoomShapeCache shapes, RoomPostWriter writer, OrgScope scope)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The organisation the raw statements of the post path are limited to, as the EF query filters limit the rest: the
    /// admitted room's (RoomHub acts for it); null only in the system scope; a call with no organisation finds no room.
    /// </summary>
    private Guid? ScopeOrganization => scope.Mode switch
    {
        OrgScopeMode.Organization => scope.OrganizationId,
        OrgScopeMode.System => null,
        _ => throw RoomErrors.Fail(RoomErrors.NotFound),
    };

    /// <summary>Any room action this node commits may change what shapes a comment, so the cached copy goes with it.</summary>
    private Task<RoomUnit> BeginAsync(Guid roomId, CancellationToken ct) =>
        RoomUnit.BeginAsync(db, roomId, Now, ct, () => shapes.Invalidate(roomId));

    private async Task<Consultation> LoadRoomAsync(Guid roomId, CancellationToken ct) =>
        await db.Consultations.SingleOrDefaultAsync(c => c.Id == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);

    /// <summary>
    /// Loads the room to change it, first taking its row lock for the rest of the open transaction. Room writes
    /// (agenda, announcement, settings, status) thus queue behind each other instead of failing on the session's
    /// row version (xmin) when two land together; hot counters (peak attendance) live in rows of their own.
    /// </summary>
    /// <remarks>One round trip: EF composes the organisation filter around the locking read.</remarks>
    private async Task<Consultation> LockRoomAsync(Guid roomId, CancellationToken ct) =>
        await db.Consultations.FromSql($"""
            SELECT c.*, c.xmin FROM "Consultations" AS c WHERE c."Id" = {roomId} FOR UPDATE
            """).SingleOrDefaultAsync(ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);

    /// <summary>Participants act only while the room is live.</summary>
    private static void RequireLive(Consultation room) => RequireLive(room.Status);

    private static void RequireLive(ConsultationStatus status)
    {
        if (status == ConsultationStatus.Live) return;
        throw RoomErrors.Fail(status is ConsultationStatus.Ended or ConsultationStatus.Archived ? RoomErrors.Closed : RoomErrors.WrongState);
    }

    /// <summary>Moderators prepare before the session and run it while live; an ended room is read-only.</summary>
    private static void RequireNotClosed(Consultation room)
    {
        if (room.Status is ConsultationStatus.Ended or ConsultationStatus.Archived) throw RoomErrors.Fail(RoomErrors.Closed);
    }

    private static void RequireInteract(RoomActor actor)
    {
        if (actor.MayInteract) return;
        throw RoomErrors.Fail(actor.IsAnonymousWatcher ? RoomErrors.NameRequired : RoomErrors.WatchOnly);
    }

    /// <summary>Refuses a moderator action to anyone else, leaving an audit entry of the attempt.</summary>
    public async Task RequireModeratorAsync(Guid roomId, RoomActor actor, string action, CancellationToken ct)
    {
        if (actor.CanModerate) return;
        db.ChangeTracker.Clear();
        AuditLog.Record(db, new Actor(actor.UserId, actor.Name), "room.denied", nameof(Consultation), roomId,
            after: new { Method = action, actor.Key, Tier = actor.Tier.ToString() }, at: Now);
        await db.SaveChangesAsync(ct);
        throw RoomErrors.Fail(RoomErrors.Forbidden, action);
    }

    /// <summary>A comment or question about to be written: the room as cached, the clean text, its flag and whether it is held.</summary>
    private sealed record Submission(RoomShape Room, string Text, string? Flag, bool Held);

    /// <summary>
    /// The shared checks of a comment or question: may interact, text within <paramref name="max"/>, room live, not
    /// blocked; then the sensitive word and whether the room holds it for review. A public author's posting interval is
    /// enforced last through <paramref name="publicGate"/> (given the room's interval in seconds), so a refused post does
    /// not use up the interval. The room comes from <see cref="RoomShapeCache"/>; it refuses only on a fresh read (the
    /// copy may predate the room going live or an unblock on another node), and the write re-checks live and blocked
    /// exactly (<see cref="WritePostAsync"/>).
    /// </summary>
    private async Task<Submission> PrepareSubmissionAsync(Guid roomId, RoomActor actor, string? text, int max, Action<int>? publicGate, CancellationToken ct)
    {
        RequireInteract(actor);
        var clean = RoomText.Clean(text, max);
        var organization = ScopeOrganization;
        var room = await shapes.GetAsync(roomId, organization, ct);
        if (room is null || room.Status != ConsultationStatus.Live || room.Blocked.Contains(actor.Key))
        {
            shapes.Invalidate(roomId);
            room = await shapes.GetAsync(roomId, organization, ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);
            RequireLive(room.Status);
            if (room.Blocked.Contains(actor.Key)) throw RoomErrors.Fail(RoomErrors.Blocked);
        }
        var (flag, held) = Screen(actor, clean, room.SensitiveWords, room.PreModeratePublic, room.PreModerateMembers);
        if (actor.IsPublic) publicGate?.Invoke(room.PublicCommentIntervalSeconds);
        return new Submission(room, clean, flag, held);
    }

    /// <summary>
    /// Writes the post through the room's <see cref="RoomPostWriter"/>, with whatever else arrived meanwhile; returns once
    /// it is committed and its event (if shown) handed to the broadcaster. Refuses it with the exact reason when the write
    /// found the room no longer live or the author blocked.
    /// </summary>
    private async Task WritePostAsync(Guid roomId, RoomPost post)
    {
        var (outcome, _) = await writer.WriteAsync(roomId, ScopeOrganization, post);
        if (outcome.Written) return;
        shapes.Invalidate(roomId);
        RequireLive(outcome.RoomStatus ?? throw RoomErrors.Fail(RoomErrors.NotFound));
        throw RoomErrors.Fail(RoomErrors.Blocked);
    }

    /// <summary>The flag (sensitive word matched) and whether the room holds the text for review.</summary>
    private static (string? Flag, bool Held) Screen(RoomActor actor, string clean, IEnumerable<string> words, bool preModeratePublic, bool preModerateMembers)
    {
        var flag = RoomText.FindSensitive(clean, words);
        var held = !actor.CanModerate && (actor.IsPublic ? preModeratePublic : preModerateMembers);
        return (flag is null ? null : $"sensitive:{flag}", held || flag is not null);
    }

    private async Task<bool> IsBlockedAsync(Guid roomId, string key, CancellationToken ct) =>
        await db.RoomBlocks.AnyAsync(b => b.ConsultationId == roomId && b.ParticipantKey == key, ct);

    private static Actor AuditActor(RoomActor actor) => new(actor.UserId, actor.Name);

    /// <summary>The client view of the record.</summary>
    public static CommentView View(Comment c) =>
        new(c.Id, c.AuthorName, c.Tier.ToString(), c.Sector, c.Text, c.Pinned, c.CreatedAt);

    /// <summary>The client view of the record.</summary>
    public static QuestionView View(Question q) =>
        new(q.Id, q.AuthorName, q.Tier.ToString(), q.Text, q.Status.ToString(), q.Votes, q.MergedCount, q.MergedIntoId, q.AnsweredBy, q.AnswerText, q.CreatedAt);

    /// <summary>The client view of the record.</summary>
    public static PollView View(Poll p) =>
        new(p.Id, p.Title, p.Kind.ToString(), p.Options, p.MaxChoices, p.ShowResultsLive, p.AllowChange, p.Status.ToString());

    /// <summary>The client view of the record.</summary>
    public static VoteView View(FormalVote v) => v.Status == BallotStatus.Closed
        ? new(v.Id, v.Title, v.Secret, v.QuorumPercent, v.PassPercent, v.Status.ToString(), v.Expected, v.Present, v.For, v.Against, v.Abstain, v.QuorumMet, v.Passed, v.ClosedAt)
        : new(v.Id, v.Title, v.Secret, v.QuorumPercent, v.PassPercent, v.Status.ToString(), v.Expected, v.Present, null, null, null, null, null, null);

    /// <summary>The client view of the record.</summary>
    public static QuestionnaireView View(Questionnaire q) =>
        new(q.Id, q.Title, q.Description, q.Anonymous, q.Status.ToString(), q.Items);
}
