namespace Deliberation.Core.Streaming;

/// <summary>One recording of a session's broadcast: the streaming server records each publish into its own file.</summary>
public class StreamRecording
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The playable file's name in the recordings folder (e.g. <c>{publishName}-{unixtime}.mp4</c>), or an external URL.</summary>
    public required string FileName { get; set; }
    /// <summary>When the publish that it records started (the recording's time 0 on the session clock).</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>When that publish ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
