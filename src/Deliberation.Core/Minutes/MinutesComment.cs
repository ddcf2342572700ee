namespace Deliberation.Core.Minutes;

/// <summary>A reviewer's comment (审核意见) on the minutes, against the version they read.</summary>
public class MinutesComment
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The minutes.</summary>
    public Guid MinutesId { get; set; }
    /// <summary>The version the comment is about.</summary>
    public int VersionNo { get; set; }
    /// <summary>The author's account.</summary>
    public Guid? AuthorId { get; set; }
    /// <summary>The author's name as shown then.</summary>
    public required string AuthorName { get; set; }
    /// <summary>Plain text.</summary>
    public required string Text { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A body's editable Markdown template for its minutes, with named placeholders like <c>{{title}}</c>.</summary>
public class MinutesTemplate
{
    /// <summary>The body (one template each).</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The template text.</summary>
    public required string Markdown { get; set; }
    /// <summary>Who saved it last.</summary>
    public required string UpdatedBy { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
