namespace Deliberation.Core.Auditing;

/// <summary>One audited change (全程留痕): who did what to which record, when, and the state before and after.</summary>
public class AuditEntry
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>The acting account, or null for anonymous visitors and the system.</summary>
    public Guid? ActorId { get; set; }
    /// <summary>The acting person's name as shown then.</summary>
    public required string ActorName { get; set; }
    /// <summary>Action code, e.g. <c>consultation.create</c> or <c>room.denied</c>.</summary>
    public required string Action { get; set; }
    /// <summary>Kind of record touched, e.g. <c>Consultation</c>.</summary>
    public required string EntityType { get; set; }
    /// <summary>Key of the record touched.</summary>
    public string? EntityId { get; set; }
    /// <summary>JSON of the relevant state before the change.</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the relevant state after the change.</summary>
    public string? After { get; set; }
}
