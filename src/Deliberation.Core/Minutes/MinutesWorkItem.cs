namespace Deliberation.Core.Minutes;

/// <summary>
/// One request for follow-on work (outbox row), written in the same transaction as the change that asks for it
/// (a session ending, minutes being published). A dispatcher claims it, hands it to the job queue and stamps it;
/// a sweep on every node dispatches whatever a crash left behind. The job that takes it to run stamps
/// <see cref="RunBy"/>, so a request dispatched twice still runs once.
/// </summary>
public class MinutesWorkItem
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>What to do.</summary>
    public MinutesWorkKind Kind { get; set; }
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The minutes (known once they exist; a compile request may come before them).</summary>
    public Guid? MinutesId { get; set; }
    /// <summary>The version to render (<see cref="MinutesWorkKind.RenderPublic"/>).</summary>
    public int? VersionNo { get; set; }
    /// <summary>When it was asked for (in the asking transaction).</summary>
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>A dispatcher holds it until then; after that another may take it (the holder died).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>When it reached the job queue.</summary>
    public DateTimeOffset? EnqueuedAt { get; set; }
    /// <summary>The job it was enqueued as.</summary>
    public string? JobId { get; set; }
    /// <summary>The job that took it to run (the first one; a duplicate job sees another id and stops).</summary>
    public string? RunBy { get; set; }
    /// <summary>When the work finished (or was found to be moot).</summary>
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>Why it was moot, if it was.</summary>
    public string? Note { get; set; }
}
