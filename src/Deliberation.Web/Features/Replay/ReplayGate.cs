using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Deliberation.Realtime.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Replay;

/// <summary>How a replay request was admitted.</summary>
public enum ReplayEntry
{
    /// <summary>The caller may open the session's room: the page shows the replay, or why it may not be watched.</summary>
    Admitted,
    /// <summary>No such session for this caller (unknown, archived, or a draft they do not moderate).</summary>
    NotFound,
    /// <summary>The session is closed to this caller (a closed session for the public or another body).</summary>
    Refused,
}

/// <summary>The outcome of <see cref="ReplayGate.AdmitAsync"/>: the room, the caller in it, and whether the replay may be watched.</summary>
public sealed record ReplayAdmission(ReplayEntry Entry, RoomAccess.RoomInfo? Room = null, RoomActor? Actor = null, bool CanWatch = false,
    string? Reason = null, bool SignedIn = false);

/// <summary>
/// Who may replay a session: exactly who may watch its live stream. First the room's own admission
/// (<see cref="RoomAccess.ResolveAsync"/>: a draft is its moderators', a closed session its body's and its
/// participants'), which moves the scope to the session's organisation; then the stream's access setting
/// (public / signed-in / registered participants), read within that scope.
/// </summary>
public sealed class ReplayGate(HubDbContext db, RoomAccess access, IRoomCallerResolver callers)
{
    /// <summary>Why a viewer may not watch: sign in first (仅限登录用户观看).</summary>
    public const string ReasonSignIn = "signin";
    /// <summary>Why a viewer may not watch: registered participants only (仅限报名参会人员观看).</summary>
    public const string ReasonRegistered = "registered";

    /// <summary>Admits the request's caller to the session's replay (see the class summary).</summary>
    public async Task<ReplayAdmission> AdmitAsync(HttpContext http, Guid sessionId, CancellationToken ct)
    {
        var room = await access.FindAsync(sessionId, ct);
        if (room is null) return new(ReplayEntry.NotFound);
        var caller = callers.Resolve(http);
        var signedIn = caller.UserId is not null;
        RoomActor actor;
        try
        {
            // A nameless viewer may watch (as in the room); nobody is checked in by a replay.
            actor = await access.ResolveAsync(room, caller, checkIn: false, ct, anonymousKey: "c:replay");
        }
        catch (DomainException e) when (e.Code == RoomErrors.NotFound)
        {
            return new(ReplayEntry.NotFound, SignedIn: signedIn);
        }
        catch (DomainException e) when (e.Code == RoomErrors.Forbidden)
        {
            return new(ReplayEntry.Refused, SignedIn: signedIn);
        }
        var setting = await db.SessionStreams.AsNoTracking().Where(s => s.ConsultationId == room.Id)
            .Select(s => (StreamAccess?)s.Access).SingleOrDefaultAsync(ct) ?? StreamAccess.Public;
        var reason = Reason(setting, signedIn, actor);
        return new(ReplayEntry.Admitted, room, actor, reason is null, reason, signedIn);
    }

    /// <summary>Why <paramref name="actor"/> may not watch under <paramref name="setting"/>, or null when they may.</summary>
    public static string? Reason(StreamAccess setting, bool signedIn, RoomActor actor) => setting switch
    {
        StreamAccess.Public => null,
        StreamAccess.SignedIn => signedIn ? null : ReasonSignIn,
        _ => actor.CanModerate || actor.ParticipantId is not null ? null : ReasonRegistered,
    };
}
