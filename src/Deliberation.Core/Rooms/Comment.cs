namespace Deliberation.Core.Rooms;

/// <summary>A comment (留言) posted in a room.</summary>
public class Comment
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Who wrote it: <c>u:{userId}</c> for accounts, <c>v:{visitorId}</c> for the public.</summary>
    public required string AuthorKey { get; set; }
    /// <summary>Name shown.</summary>
    public required string AuthorName { get; set; }
    /// <summary>The author's tier.</summary>
    public Consultations.ParticipantTier Tier { get; set; }
    /// <summary>The author's sector (界别), for members.</summary>
    public string? Sector { get; set; }
    /// <summary>Plain text, at most 500 characters; escaped wherever it is rendered.</summary>
    public required string Text { get; set; }
    /// <summary>Moderation state.</summary>
    public CommentStatus Status { get; set; }
    /// <summary>Pinned to the top by a moderator.</summary>
    public bool Pinned { get; set; }
    /// <summary>Why it went to the queue (e.g. the sensitive word matched).</summary>
    public string? FlagReason { get; set; }
    /// <summary>Why a moderator rejected or hid it.</summary>
    public string? ModerationReason { get; set; }
    /// <summary>Who moderated it last.</summary>
    public string? ModeratedBy { get; set; }
    /// <summary>When it was moderated last.</summary>
    public DateTimeOffset? ModeratedAt { get; set; }
    /// <summary>Distinct participants who reported it.</summary>
    public int ReportCount { get; set; }
    /// <summary>Likes (点赞).</summary>
    public int Likes { get; set; }
    /// <summary>Posting time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The agenda item under way when posted.</summary>
    public Guid? AgendaItemId { get; set; }
}

/// <summary>A participant's report of a comment; one per reporter.</summary>
public class CommentReport
{
    /// <summary>The comment.</summary>
    public Guid CommentId { get; set; }
    /// <summary>The reporter's participant key.</summary>
    public required string ReporterKey { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
