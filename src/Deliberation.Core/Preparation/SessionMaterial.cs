namespace Deliberation.Core.Preparation;

/// <summary>
/// A research report or meeting material attached to a session for invitees to read beforehand. Checked on upload by
/// extension and by content (a renamed executable is refused), and always served as a download with its checked type.
/// </summary>
public class SessionMaterial
{
    /// <summary>Largest accepted file.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;
    /// <summary>Most files per session.</summary>
    public const int MaxPerSession = 30;
    /// <summary>Longest title.</summary>
    public const int TitleMax = 100;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The session's body (copied, so the row is filtered without a join).</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>What it is.</summary>
    public MaterialKind Kind { get; set; }
    /// <summary>Who may read it.</summary>
    public MaterialAudience Audience { get; set; }
    /// <summary>Title shown in the list.</summary>
    public required string Title { get; set; }
    /// <summary>File name as uploaded (path stripped).</summary>
    public required string FileName { get; set; }
    /// <summary>The type the content check found, e.g. application/pdf.</summary>
    public required string ContentType { get; set; }
    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex (the same file twice is refused).</summary>
    public required string Sha256 { get; set; }
    /// <summary>The content.</summary>
    public required byte[] Data { get; set; }
    /// <summary>Uploader's name as shown.</summary>
    public required string UploadedByName { get; set; }
    /// <summary>Upload time.</summary>
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Seats of one tier in one session (邀请名额). A tier without a row has no limit.</summary>
public class SessionQuota
{
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The tier.</summary>
    public Consultations.ParticipantTier Tier { get; set; }
    /// <summary>Seats (Invited plus Registered participants of the tier).</summary>
    public int Seats { get; set; }
}
