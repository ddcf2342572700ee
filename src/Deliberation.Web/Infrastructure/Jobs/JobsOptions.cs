namespace Deliberation.Web.Infrastructure.Jobs;

/// <summary>Background-job settings (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process. Every node may run one: they share PostgreSQL storage.</summary>
    public bool Server { get; set; } = true;

    /// <summary>Hangfire workers in this process.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs, in milliseconds.</summary>
    public int PollIntervalMs { get; set; } = 1000;
}
