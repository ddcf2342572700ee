namespace Deliberation.Web.Infrastructure.Jobs;

/// <summary>Hangfire queue names, most urgent first (a worker takes from the first non-empty queue).</summary>
public static class JobQueues
{
    /// <summary>Work a person is waiting for right now (notifications, sign-off side effects).</summary>
    public const string Critical = "critical";
    /// <summary>Compiling 协商纪要.</summary>
    public const string Minutes = "minutes";
    /// <summary>Everything else.</summary>
    public const string Default = "default";
    /// <summary>Digests, statistics and exports that may wait.</summary>
    public const string Reports = "reports";

    public static readonly string[] All = [Critical, Minutes, Default, Reports];
}
