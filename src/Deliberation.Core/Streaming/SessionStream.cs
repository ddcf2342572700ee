namespace Deliberation.Core.Streaming;

/// <summary>
/// A session's 直播: where the video comes from, the key that authorises publishing to the local streaming server,
/// who may watch, and the broadcast's state. One row per session, created with the first stream setting or key.
/// </summary>
public class SessionStream
{
    /// <summary>The session (primary key).</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Local streaming server or an external HLS URL.</summary>
    public StreamSource Source { get; set; }
    /// <summary>The public stream name (32 hex): the HLS folder and recording names. Not a secret.</summary>
    public required string PublishName { get; set; }
    /// <summary>The secret part of the stream key (<c>PublishName?k=StreamSecret</c>); rotating it refuses the old key.</summary>
    public required string StreamSecret { get; set; }
    /// <summary>When the current key was issued.</summary>
    public DateTimeOffset KeyIssuedAt { get; set; }
    /// <summary>After this the key is refused (by default some hours after the session's planned end).</summary>
    public DateTimeOffset KeyExpiresAt { get; set; }
    /// <summary>The external HLS URL (source External).</summary>
    public string? ExternalUrl { get; set; }
    /// <summary>An optional backup HLS URL (备用线路).</summary>
    public string? BackupUrl { get; set; }
    /// <summary>Video-conference join link for 远程协商, shown only to speakers and moderators.</summary>
    public string? ConferenceUrl { get; set; }
    /// <summary>Who may watch.</summary>
    public StreamAccess Access { get; set; }
    /// <summary>The broadcast's state; change it through <see cref="StreamStateMachine"/>.</summary>
    public StreamState State { get; set; }
    /// <summary>First publish start.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>Last publish end.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Whether the big screen shows danmaku (off unless the moderator turns it on).</summary>
    public bool DanmakuOnScreen { get; set; }
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>The key staff paste into OBS's "stream key" field.</summary>
    public string StreamKey => $"{PublishName}?k={StreamSecret}";
}
