namespace Deliberation.Realtime.Minutes;

/// <summary>Events the minutes hub sends to a reviewer's page.</summary>
public interface IMinutesClient
{
    /// <summary>The compile of the watched minutes moved on (queued, running with a percentage, retrying, failed or done).</summary>
    Task CompileProgressed(MinutesCompileStatus status);
}

/// <summary>Where a compile stands, as the staff page shows it.</summary>
/// <param name="MinutesId">The minutes.</param>
/// <param name="State">None, Queued, Running, Retrying, Failed or Succeeded.</param>
/// <param name="Percent">0–100.</param>
/// <param name="Attempt">Attempts so far of the current request.</param>
/// <param name="MaxAttempts">Attempts the job makes before giving up.</param>
/// <param name="Error">Why the last attempt failed, when it did.</param>
/// <param name="VersionNo">The draft's version once done.</param>
public sealed record MinutesCompileStatus(Guid MinutesId, string State, int Percent, int Attempt, int MaxAttempts, string? Error, int VersionNo);
