namespace Deliberation.Core.Consultations;

/// <summary>
/// What the rest of the hub hears about a session's life cycle, after the change is committed. The web host
/// registers handlers (e.g. the minutes feature compiles a draft when a session ends).
/// </summary>
public interface IConsultationEvents
{
    /// <summary>The session moved to <paramref name="status"/> (already saved).</summary>
    Task StatusChangedAsync(Guid consultationId, ConsultationStatus status, CancellationToken ct);
}
