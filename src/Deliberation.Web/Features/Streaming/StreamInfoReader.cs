using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Streaming;

/// <summary>A playable source of the live stream.</summary>
public sealed record StreamSourceView(string Url, string Label);

/// <summary>One recording of the replay (回放).</summary>
public sealed record ReplayPartView(string Url, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <summary>The replay: its recordings in order.</summary>
public sealed record ReplayView(bool Available, IReadOnlyList<ReplayPartView> Parts);

/// <summary><c>GET /api/sessions/{id}/stream</c>, evaluated for the caller (see the 直播 contract in docs/architecture.md).</summary>
public sealed record StreamInfo(
    string State, string SessionStatus, DateTimeOffset StartsAt, bool CanWatch, string? Reason, string? ReasonText,
    IReadOnlyList<StreamSourceView> Sources, DateTimeOffset? ExpiresAt, ReplayView Replay, bool DanmakuOnScreen, string? ConferenceUrl);

/// <summary>
/// Reads a session's stream for one caller: finds the session as the room admission does (any body; a draft only for its
/// moderators), decides with <see cref="StreamAccessRules"/>, then acts for the session's body to read its stream and
/// recordings, and signs the local media URLs.
/// </summary>
public sealed class StreamInfoReader(HubDbContext db, RoomAccess access, OrgScope tenancy, MediaUrlSigner signer, IOptions<StreamingOptions> options,
    TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>A session the caller may see, with what it knows of the caller.</summary>
    public sealed record Admitted(RoomAccess.RoomInfo Room, StreamViewer Viewer);

    /// <summary>The session and the caller's standing in it; null when the caller may not see it at all (404).</summary>
    public async Task<Admitted?> AdmitAsync(Guid id, RoomCaller caller, CancellationToken ct)
    {
        var room = await access.FindAsync(id, ct);
        if (room is null) return null;
        var canModerate = await access.MayModerateAsync(room, caller, ct);
        if (room.Status == ConsultationStatus.Draft && !canModerate) return null;
        tenancy.ActFor(room.OrganizationId);
        ParticipantTier? tier = caller.UserId is Guid uid
            ? await db.Participants.AsNoTracking().Where(p => p.ConsultationId == id && p.UserId == uid).Select(p => (ParticipantTier?)p.Tier).FirstOrDefaultAsync(ct)
            : null;
        return new Admitted(room, new StreamViewer(caller.IsSignedIn, tier is not null, tier, canModerate));
    }

    /// <summary>The stream info for the admitted caller.</summary>
    public async Task<StreamInfo> ReadAsync(Admitted admitted, CancellationToken ct)
    {
        var (room, viewer) = admitted;
        var startsAt = await db.Consultations.AsNoTracking().Where(c => c.Id == room.Id).Select(c => c.StartsAt).SingleAsync(ct);
        var stream = await db.SessionStreams.AsNoTracking().SingleOrDefaultAsync(s => s.ConsultationId == room.Id, ct);
        var sessionOver = room.Status is ConsultationStatus.Ended or ConsultationStatus.Archived;
        var state = stream?.State ?? (sessionOver ? StreamState.Ended : StreamState.Waiting);
        var reason = StreamAccessRules.Deny(stream?.Access ?? StreamAccess.Public, room.PublicAccess, viewer);
        var conference = stream is not null && StreamAccessRules.SeesConferenceLink(viewer) ? stream.ConferenceUrl : null;
        if (reason is not null || stream is null)
        {
            return new StreamInfo(StreamCommands.StateName(state), room.Status.ToString(), startsAt, reason is null, reason,
                reason is null ? null : l[$"Stream.Denied.{reason}"].Value, [], null, new ReplayView(false, []), stream?.DanmakuOnScreen ?? false, conference);
        }
        var o = options.Value;
        var expires = clock.GetUtcNow() + o.UrlLifetime;
        var sources = new List<StreamSourceView>();
        if (state != StreamState.Ended)
        {
            var main = stream.Source == StreamSource.Local ? MediaUrl(signer.LivePlaylist(stream.PublishName, expires)) : stream.ExternalUrl;
            if (!string.IsNullOrEmpty(main)) sources.Add(new StreamSourceView(main, l["Stream.Source.Main"].Value));
            if (!string.IsNullOrEmpty(stream.BackupUrl)) sources.Add(new StreamSourceView(stream.BackupUrl, l["Stream.Source.Backup"].Value));
        }
        var parts = await db.StreamRecordings.AsNoTracking()
            .Where(r => r.ConsultationId == room.Id && r.FileName != "" && r.EndedAt != null)
            .OrderBy(r => r.StartedAt).ToListAsync(ct);
        var replay = parts.Select(r => new ReplayPartView(
            r.FileName.StartsWith("http", StringComparison.Ordinal) ? r.FileName : MediaUrl(signer.Recording(r.FileName, expires)), r.StartedAt, r.EndedAt)).ToList();
        return new StreamInfo(StreamCommands.StateName(state), room.Status.ToString(), startsAt, true, null, null, sources, expires,
            new ReplayView(replay.Count > 0, replay), stream.DanmakuOnScreen, conference);
    }

    private string MediaUrl(string path) =>
        string.IsNullOrEmpty(options.Value.MediaBaseUrl) ? path : options.Value.MediaBaseUrl.TrimEnd('/') + path;
}
