namespace Deliberation.Core.Consultations;

/// <summary>One item of a session's agenda (议程).</summary>
public class AgendaItem
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Position in the agenda, from 1.</summary>
    public int Order { get; set; }
    /// <summary>What happens, e.g. 市住建局通报情况.</summary>
    public required string Title { get; set; }
    /// <summary>Who leads the item.</summary>
    public string? Presenter { get; set; }
    /// <summary>Planned length in minutes.</summary>
    public int DurationMinutes { get; set; }
}
