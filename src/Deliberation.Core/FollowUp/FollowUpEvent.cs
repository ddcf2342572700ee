namespace Deliberation.Core.FollowUp;

/// <summary>One entry of an item's timeline (全程留痕): who did what, when, from which status to which, and why.</summary>
public class FollowUpEvent
{
    /// <summary>Primary key; 0 until saved.</summary>
    public long Id { get; set; }
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>Handling round it belongs to.</summary>
    public int Round { get; set; }
    /// <summary>What happened.</summary>
    public FollowUpEventKind Kind { get; set; }
    /// <summary>Status before.</summary>
    public FollowUpStatus? From { get; set; }
    /// <summary>Status after.</summary>
    public FollowUpStatus? To { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The acting account, null for the system.</summary>
    public Guid? ActorId { get; set; }
    /// <summary>The acting person's name then.</summary>
    public required string ActorName { get; set; }
    /// <summary>The note, reason or reply summary.</summary>
    public string? Text { get; set; }
    /// <summary>Reported progress, for progress entries.</summary>
    public int? Percent { get; set; }
    /// <summary>The verdict, for rating entries.</summary>
    public Satisfaction? Verdict { get; set; }
    /// <summary>Whether the public board may show it; internal notes and reasons stay false.</summary>
    public bool IsPublic { get; set; }
}
