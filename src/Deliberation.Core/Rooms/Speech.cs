namespace Deliberation.Core.Rooms;

/// <summary>A request for the floor (申请发言) and, once granted, the speech on the record.</summary>
public class Speech
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The registered participant speaking.</summary>
    public Guid ParticipantId { get; set; }
    /// <summary>Speaker's participant key.</summary>
    public required string SpeakerKey { get; set; }
    /// <summary>Speaker's name.</summary>
    public required string SpeakerName { get; set; }
    /// <summary>Speaker's tier (委员/部门/专家/特邀).</summary>
    public Consultations.ParticipantTier Tier { get; set; }
    /// <summary>Speaker's sector (界别) or department name.</summary>
    public string? Sector { get; set; }
    /// <summary>Oral or written.</summary>
    public SpeechKind Kind { get; set; }
    /// <summary>Topic line the speaker gives when asking for the floor.</summary>
    public string? Topic { get; set; }
    /// <summary>Full text of a written statement (书面发言).</summary>
    public string? Text { get; set; }
    /// <summary>State.</summary>
    public SpeechStatus Status { get; set; }
    /// <summary>Queue position; the moderator reorders it.</summary>
    public int Position { get; set; }
    /// <summary>When the floor was requested.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>When the floor was granted.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>When the speech ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Seconds granted (the countdown).</summary>
    public int AllowedSeconds { get; set; }
    /// <summary>The agenda item it belongs to.</summary>
    public Guid? AgendaItemId { get; set; }
}
