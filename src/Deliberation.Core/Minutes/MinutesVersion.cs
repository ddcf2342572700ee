namespace Deliberation.Core.Minutes;

/// <summary>One version of the minutes' Markdown, with its author and time. Versions are never changed.</summary>
public class MinutesVersion
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The minutes.</summary>
    public Guid MinutesId { get; set; }
    /// <summary>Version number, from 1, unique within the minutes.</summary>
    public int No { get; set; }
    /// <summary>How it came about.</summary>
    public MinutesVersionKind Kind { get; set; }
    /// <summary>The full Markdown, including internal passages.</summary>
    public required string Markdown { get; set; }
    /// <summary>The author's account, null for the compile job.</summary>
    public Guid? AuthorId { get; set; }
    /// <summary>The author's name as shown then.</summary>
    public required string AuthorName { get; set; }
    /// <summary>A note with an edit; required for a correction (更正理由).</summary>
    public string? Note { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
