using System.Security.Cryptography;
using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Streaming;

/// <summary>What staff set for a session's 直播.</summary>
public sealed record StreamSettingsDraft(StreamSource Source, string? ExternalUrl, string? BackupUrl, StreamAccess Access, string? ConferenceUrl)
{
    /// <summary>Field errors (field, code): an external source needs its URL; every URL is http(s).</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        if (Source == StreamSource.External && string.IsNullOrWhiteSpace(ExternalUrl)) errors.Add((nameof(ExternalUrl), "Validation.Required"));
        foreach (var (field, value) in new[] { (nameof(ExternalUrl), ExternalUrl), (nameof(BackupUrl), BackupUrl), (nameof(ConferenceUrl), ConferenceUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !StreamCommands.IsHttpUrl(value)) errors.Add((field, "Validation.Url"));
        }
        return errors;
    }
}

/// <summary>The answer to nginx-rtmp's <c>on_publish</c>: allowed, or refused with a reason code (logged, never shown to viewers).</summary>
public sealed record PublishDecision(bool Allowed, string? Refusal, Guid? SessionId = null)
{
    /// <summary>Refused for <paramref name="code"/>.</summary>
    public static PublishDecision Refuse(string code, Guid? session = null) => new(false, code, session);
}

/// <summary>
/// A session's 直播: the stream row (key, source, access), the publish callbacks from the local streaming server and
/// the broadcast's state. Every state change locks the session row and then the stream row (the session's end does the
/// same), moves the state through <see cref="StreamStateMachine"/> and appends a <see cref="RoomEventTypes.StreamChanged"/>
/// event in the same transaction; the events go to the broadcaster after commit. Staff actions are audited.
/// </summary>
public sealed class StreamCommands(HubDbContext db, TimeProvider clock, OrgScope scope, IEnumerable<IRoomEventSink> sinks)
{
    /// <summary>How long after the session's planned end a key still publishes, unless configured.</summary>
    public static readonly TimeSpan DefaultKeyGrace = TimeSpan.FromHours(6);

    /// <summary>How long after the session's planned end a key still publishes.</summary>
    public TimeSpan KeyGrace { get; set; } = DefaultKeyGrace;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The stream row of the session, created (waiting, local, public, a fresh key) when it has none yet.</summary>
    public async Task<SessionStream> EnsureAsync(Guid sessionId, Actor actor, CancellationToken ct = default)
    {
        var existing = await db.SessionStreams.SingleOrDefaultAsync(s => s.ConsultationId == sessionId, ct);
        if (existing is not null) return existing;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct);
        if (stream is not null) return stream;
        stream = new SessionStream
        {
            ConsultationId = session.Id, OrganizationId = session.OrganizationId, Source = StreamSource.Local,
            PublishName = NewPublishName(), StreamSecret = NewSecret(), KeyIssuedAt = Now, KeyExpiresAt = session.EndsAt + KeyGrace,
            Access = StreamAccess.Public,
            State = session.Status is ConsultationStatus.Ended or ConsultationStatus.Archived ? StreamState.Ended : StreamState.Waiting,
        };
        db.SessionStreams.Add(stream);
        AuditLog.Record(db, actor, "stream.create", nameof(SessionStream), sessionId, after: new { stream.PublishName, stream.KeyExpiresAt }, at: Now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stream;
    }

    /// <summary>Issues a new secret (the old key is refused from now on) and moves the expiry to the session's end plus the grace.</summary>
    public async Task<SessionStream> RotateKeyAsync(Guid sessionId, Actor actor, CancellationToken ct = default)
    {
        await EnsureAsync(sessionId, actor, ct);
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct) ?? throw new DomainException("stream.not_found");
        var before = new { stream.KeyIssuedAt, stream.KeyExpiresAt };
        stream.StreamSecret = NewSecret();
        stream.KeyIssuedAt = Now;
        stream.KeyExpiresAt = session.EndsAt + KeyGrace;
        AuditLog.Record(db, actor, "stream.rotate_key", nameof(SessionStream), sessionId, before, new { stream.KeyIssuedAt, stream.KeyExpiresAt }, Now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stream;
    }

    /// <summary>Saves the source, URLs, access and conference link; an invalid draft throws <see cref="ValidationFailedException"/>.</summary>
    public async Task<SessionStream> UpdateSettingsAsync(Guid sessionId, StreamSettingsDraft draft, Actor actor, CancellationToken ct = default)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await EnsureAsync(sessionId, actor, ct);
        db.ChangeTracker.Clear();
        await using var unit = await RoomUnit.BeginAsync(db, sessionId, Now, ct);
        var session = await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct) ?? throw new DomainException("stream.not_found");
        var before = Settings(stream);
        stream.Source = draft.Source;
        stream.ExternalUrl = Clean(draft.ExternalUrl);
        stream.BackupUrl = Clean(draft.BackupUrl);
        stream.Access = draft.Access;
        stream.ConferenceUrl = Clean(draft.ConferenceUrl);
        // The key follows a session moved later; it never shortens a key already handed out.
        if (session.EndsAt + KeyGrace > stream.KeyExpiresAt) stream.KeyExpiresAt = session.EndsAt + KeyGrace;
        AuditLog.Record(db, actor, "stream.settings", nameof(SessionStream), sessionId, before, Settings(stream), Now);
        // Viewers refetch the stream info: sources and access may have changed.
        unit.Publish(RoomEventTypes.StreamChanged, Payload(stream, Now));
        await CommitAsync(unit, ct);
        return stream;
    }

    /// <summary>Turns danmaku on the big screen on or off (moderators; the caller checked).</summary>
    public async Task SetScreenDanmakuAsync(Guid sessionId, bool on, Actor actor, CancellationToken ct = default)
    {
        await EnsureAsync(sessionId, actor, ct);
        db.ChangeTracker.Clear();
        await using var unit = await RoomUnit.BeginAsync(db, sessionId, Now, ct);
        await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct) ?? throw new DomainException("stream.not_found");
        if (stream.DanmakuOnScreen == on) return;
        stream.DanmakuOnScreen = on;
        AuditLog.Record(db, actor, "stream.screen_danmaku", nameof(SessionStream), sessionId, new { DanmakuOnScreen = !on }, new { DanmakuOnScreen = on }, Now);
        unit.Publish(RoomEventTypes.StreamChanged, Payload(stream, Now));
        await CommitAsync(unit, ct);
    }

    /// <summary>
    /// Finds the stream a callback names (by its public publish name, in any body: the key decides next) and moves this
    /// scope into the stream's body. Null when no stream has that name.
    /// </summary>
    public async Task<Guid?> FindForCallbackAsync(string? publishName, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(publishName) || publishName.Length != 32 || !publishName.All(Uri.IsHexDigit)) return null;
        var found = await db.StreamsForPublishCallbacks().AsNoTracking().Where(s => s.PublishName == publishName)
            .Select(s => new { s.ConsultationId, s.OrganizationId }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        scope.ActFor(found.OrganizationId);
        return found.ConsultationId;
    }

    /// <summary>
    /// nginx-rtmp's <c>on_publish</c>: allowed only with the current, unexpired secret, a local source, a session that is
    /// scheduled or live and no publish already running (two encoders with one key: the first wins). An allowed publish
    /// moves the state to live and starts a recording row.
    /// </summary>
    public async Task<PublishDecision> OnPublishAsync(string? publishName, string? secret, CancellationToken ct = default) =>
        await OnPublishAsync(publishName, secret, null, ct);

    /// <summary>How long a broadcast counts as live without any sign of it before a new publish may take over.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// As <see cref="OnPublishAsync(string?, string?, CancellationToken)"/>; <paramref name="stillPublishing"/> tells
    /// whether the streaming server still shows the current broadcast (its playlist being written). A state left live by
    /// a streaming server that died without <c>on_publish_done</c> is taken over when the broadcast started more than
    /// <see cref="StaleAfter"/> ago and that check says no; without the check the live state refuses every second publish.
    /// </summary>
    public async Task<PublishDecision> OnPublishAsync(string? publishName, string? secret, Func<string, bool>? stillPublishing, CancellationToken ct = default)
    {
        if (await FindForCallbackAsync(publishName, ct) is not Guid sessionId) return PublishDecision.Refuse("stream.unknown");
        await using var unit = await RoomUnit.BeginAsync(db, sessionId, Now, ct);
        var session = await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct) ?? throw new DomainException("stream.not_found");
        if (secret is null || !FixedTimeEquals(secret, stream.StreamSecret)) return PublishDecision.Refuse("stream.wrong_key", sessionId);
        if (stream.KeyExpiresAt <= Now) return PublishDecision.Refuse("stream.key_expired", sessionId);
        if (stream.Source != StreamSource.Local) return PublishDecision.Refuse("stream.not_local", sessionId);
        if (!StreamStateMachine.SessionAcceptsPublish(session.Status)) return PublishDecision.Refuse("stream.session_closed", sessionId);
        var open = await db.StreamRecordings.Where(r => r.ConsultationId == sessionId && r.EndedAt == null).ToListAsync(ct);
        if (stream.State == StreamState.Live)
        {
            var since = open.Count == 0 ? stream.StartedAt : open.Max(r => r.StartedAt);
            if (stillPublishing is null || since is null || Now - since < StaleAfter || stillPublishing(stream.PublishName))
            {
                return PublishDecision.Refuse("stream.already_live", sessionId);
            }
            // The previous publish died unannounced: close its recording and carry on live with this one.
            foreach (var r in open) r.EndedAt = Now;
            db.StreamRecordings.Add(new StreamRecording { ConsultationId = sessionId, OrganizationId = stream.OrganizationId, FileName = "", StartedAt = Now });
            await unit.CommitAsync(ct);
            return new PublishDecision(true, null, sessionId);
        }
        if (StreamStateMachine.Next(stream.State, StreamSignal.PublishStarted, session.Status) is not StreamState next)
        {
            return PublishDecision.Refuse("stream.ended", sessionId);
        }
        stream.State = next;
        stream.StartedAt ??= Now;
        db.StreamRecordings.Add(new StreamRecording { ConsultationId = sessionId, OrganizationId = stream.OrganizationId, FileName = "", StartedAt = Now });
        unit.Publish(RoomEventTypes.StreamChanged, Payload(stream, Now));
        await CommitAsync(unit, ct);
        return new PublishDecision(true, null, sessionId);
    }

    /// <summary>nginx-rtmp's <c>on_publish_done</c>: live becomes interrupted (the session goes on) or ended (it has ended); the recording closes.</summary>
    public async Task<bool> OnPublishDoneAsync(string? publishName, CancellationToken ct = default)
    {
        if (await FindForCallbackAsync(publishName, ct) is not Guid sessionId) return false;
        await using var unit = await RoomUnit.BeginAsync(db, sessionId, Now, ct);
        var session = await LockSessionAsync(sessionId, ct);
        var stream = await LockStreamAsync(sessionId, ct) ?? throw new DomainException("stream.not_found");
        var open = await db.StreamRecordings.Where(r => r.ConsultationId == sessionId && r.EndedAt == null).ToListAsync(ct);
        foreach (var r in open) r.EndedAt = Now;
        var next = StreamStateMachine.Next(stream.State, StreamSignal.PublishStopped, session.Status);
        if (next is null)
        {
            await unit.CommitAsync(ct);
            return true;
        }
        stream.State = next.Value;
        stream.EndedAt = Now;
        unit.Publish(RoomEventTypes.StreamChanged, Payload(stream, Now));
        await CommitAsync(unit, ct);
        return true;
    }

    /// <summary>
    /// nginx-rtmp's <c>on_record_done</c>: <paramref name="path"/> is the finished FLV (<c>{publishName}-{unixtime}.flv</c>);
    /// <c>exec_record_done</c> remuxes it to the same name with <c>.mp4</c>, which becomes the recording's file (the
    /// recording whose start is nearest the time in the name, among those without a file yet).
    /// </summary>
    public async Task<bool> OnRecordDoneAsync(string? publishName, string? path, CancellationToken ct = default)
    {
        if (await FindForCallbackAsync(publishName, ct) is not Guid sessionId || string.IsNullOrEmpty(path)) return false;
        var file = Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]) + ".mp4";
        if (!MediaUrlSigner.IsSafeName(file) || !file.StartsWith(publishName!, StringComparison.Ordinal)) return false;
        var recordings = await db.StreamRecordings.Where(r => r.ConsultationId == sessionId).ToListAsync(ct);
        if (recordings.Any(r => r.FileName == file)) return true;
        var stamp = long.TryParse(file[publishName!.Length..^4].TrimStart('-'), out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : Now;
        var target = recordings.Where(r => r.FileName.Length == 0).OrderBy(r => Math.Abs((r.StartedAt - stamp).TotalSeconds)).FirstOrDefault();
        if (target is null)
        {
            var stream = await db.SessionStreams.SingleAsync(s => s.ConsultationId == sessionId, ct);
            target = new StreamRecording { ConsultationId = sessionId, OrganizationId = stream.OrganizationId, FileName = file, StartedAt = stamp, EndedAt = Now };
            db.StreamRecordings.Add(target);
        }
        target.FileName = file;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The session ended: its broadcast ends too, inside the caller's <paramref name="unit"/>, with the event in the same
    /// transaction. It takes the session row's lock itself: the console's end already holds it (a second FOR UPDATE in
    /// the same transaction costs nothing), the admin's status change does not. Nothing happens for a session without a stream.
    /// </summary>
    public static async Task EndWithSessionAsync(HubDbContext db, RoomUnit unit, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        // Session row first, then the stream row: the order every stream change takes, so the two never deadlock.
        await db.Consultations.FromSql($"""
            SELECT c.*, c.xmin FROM "Consultations" AS c WHERE c."Id" = {sessionId} FOR UPDATE
            """).SingleOrDefaultAsync(ct);
        var stream = await LockStreamAsync(db, sessionId, ct);
        if (stream is null || StreamStateMachine.Next(stream.State, StreamSignal.SessionEnded, ConsultationStatus.Ended) is not StreamState next) return;
        stream.State = next;
        stream.EndedAt ??= now;
        unit.Publish(RoomEventTypes.StreamChanged, Payload(stream, now));
    }

    /// <summary>The StreamChanged payload: <c>{ state, at, danmakuOnScreen }</c>.</summary>
    public static object Payload(SessionStream stream, DateTimeOffset at) =>
        new { State = StateName(stream.State), At = at, stream.DanmakuOnScreen };

    /// <summary>The state as the API and events spell it.</summary>
    public static string StateName(StreamState state) => state.ToString().ToLowerInvariant();

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        value.Length <= 1000 && Text.IsStorable(value, multiline: false)
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    private async Task CommitAsync(RoomUnit unit, CancellationToken ct)
    {
        var events = await unit.CommitAsync(ct);
        foreach (var sink in sinks) sink.Publish(events);
    }

    private async Task<Consultation> LockSessionAsync(Guid sessionId, CancellationToken ct) =>
        await db.Consultations.FromSql($"""
            SELECT c.*, c.xmin FROM "Consultations" AS c WHERE c."Id" = {sessionId} FOR UPDATE
            """).SingleOrDefaultAsync(ct) ?? throw new DomainException("consultation.not_found");

    private Task<SessionStream?> LockStreamAsync(Guid sessionId, CancellationToken ct) => LockStreamAsync(db, sessionId, ct);

    private static Task<SessionStream?> LockStreamAsync(HubDbContext db, Guid sessionId, CancellationToken ct) =>
        db.SessionStreams.FromSql($"""
            SELECT s.*, s.xmin FROM "SessionStreams" AS s WHERE s."ConsultationId" = {sessionId} FOR UPDATE
            """).SingleOrDefaultAsync(ct);

    private static object Settings(SessionStream s) => new { s.Source, s.ExternalUrl, s.BackupUrl, s.Access, s.ConferenceUrl };

    private static string? Clean(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private static string NewPublishName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
