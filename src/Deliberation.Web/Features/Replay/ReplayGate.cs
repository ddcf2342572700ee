using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Features.Streaming;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Replay;

/// <summary>How a replay request was admitted.</summary>
public enum ReplayEntry
{
    /// <summary>The caller may see the session: the page shows the replay, or why it may not be watched.</summary>
    Admitted,
    /// <summary>No such session for this caller (unknown, archived, or a draft they do not moderate).</summary>
    NotFound,
    /// <summary>A closed session (不对公众开放) and the caller neither moderates nor is registered for it.</summary>
    Refused,
}

/// <summary>The outcome of <see cref="ReplayGate.AdmitAsync"/>: the session, and whether the replay may be watched (else why).</summary>
public sealed record ReplayAdmission(ReplayEntry Entry, RoomAccess.RoomInfo? Room = null, bool CanWatch = false, string? Reason = null,
    bool SignedIn = false);

/// <summary>
/// Who may replay a session: exactly who may watch its live stream — the stream API's admission
/// (<see cref="StreamInfoReader.AdmitAsync"/>, which then acts within the session's organisation) and
/// <see cref="StreamAccessRules"/> on the stream's access setting. A closed session's replay is refused outright to
/// those the rules refuse (as its room is), so none of its record reaches them; an open session's page shows the
/// reason (sign in, registered participants only).
/// </summary>
public sealed class ReplayGate(HubDbContext db, StreamInfoReader streams, IRoomCallerResolver callers)
{
    /// <summary>Admits the request's caller to the session's replay (see the class summary).</summary>
    public async Task<ReplayAdmission> AdmitAsync(HttpContext http, Guid sessionId, CancellationToken ct)
    {
        var caller = callers.Resolve(http);
        var admitted = await streams.AdmitAsync(sessionId, caller, ct);
        if (admitted is null) return new(ReplayEntry.NotFound, SignedIn: caller.IsSignedIn);
        var (room, viewer) = admitted;
        var setting = await db.SessionStreams.AsNoTracking().Where(s => s.ConsultationId == room.Id)
            .Select(s => (StreamAccess?)s.Access).SingleOrDefaultAsync(ct) ?? StreamAccess.Public;
        var reason = StreamAccessRules.Deny(setting, room.PublicAccess, viewer);
        if (reason is not null && room.PublicAccess == PublicAccess.Closed) return new(ReplayEntry.Refused, room, SignedIn: viewer.SignedIn);
        return new(ReplayEntry.Admitted, room, reason is null, reason, viewer.SignedIn);
    }
}
