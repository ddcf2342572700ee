namespace Deliberation.Core.Rooms;

/// <summary>
/// An outcome the moderator records in the room (确认共识): a consensus item, an open disagreement, a
/// recommendation with a proposed handling department, or a next step. The minutes take them from here.
/// </summary>
public class RoomOutcome
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Kind.</summary>
    public OutcomeKind Kind { get; set; }
    /// <summary>Order within its kind.</summary>
    public int Position { get; set; }
    /// <summary>The text.</summary>
    public required string Text { get; set; }
    /// <summary>Proposed handling department (承办单位) for a recommendation.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Source records it came from, e.g. <c>speech:{id}</c>, <c>question:{id}</c>, <c>comment:{id}</c>.</summary>
    public List<string> SourceRefs { get; set; } = [];
    /// <summary>Who recorded it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A participant blocked from posting in one session.</summary>
public class RoomBlock
{
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The blocked participant key.</summary>
    public required string ParticipantKey { get; set; }
    /// <summary>Name at the time, for the moderator's list.</summary>
    public required string DisplayName { get; set; }
    /// <summary>Who blocked.</summary>
    public required string BlockedBy { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
