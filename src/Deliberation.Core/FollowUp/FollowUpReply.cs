namespace Deliberation.Core.FollowUp;

/// <summary>The lead department's formal reply (答复) in one round, with the record of consulting the proposer.</summary>
public class FollowUpReply
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>Handling round.</summary>
    public int Round { get; set; }
    /// <summary>The replying (lead) department.</summary>
    public Guid DepartmentId { get; set; }
    /// <summary>The reply text.</summary>
    public required string Text { get; set; }
    /// <summary>When it was sent.</summary>
    public DateTimeOffset RepliedAt { get; set; }
    /// <summary>The deadline it answered.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Whether it came by the deadline.</summary>
    public bool OnTime { get; set; }
    /// <summary>How the proposer was consulted.</summary>
    public ContactMethod ContactMethod { get; set; }
    /// <summary>When the proposer was consulted.</summary>
    public DateTimeOffset ContactedAt { get; set; }
    /// <summary>What the proposer said.</summary>
    public required string ContactSummary { get; set; }
    /// <summary>Attached documents.</summary>
    public List<FollowUpAttachment> Attachments { get; set; } = [];
}

/// <summary>A document attached to a reply (kept in the database; replies are few and small).</summary>
public class FollowUpAttachment
{
    /// <summary>Largest accepted file.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The reply.</summary>
    public Guid ReplyId { get; set; }
    /// <summary>Original file name.</summary>
    public required string FileName { get; set; }
    /// <summary>MIME type.</summary>
    public required string ContentType { get; set; }
    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }
    /// <summary>The bytes.</summary>
    public required byte[] Data { get; set; }
}
