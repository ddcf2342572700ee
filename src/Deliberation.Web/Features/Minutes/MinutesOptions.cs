using System.ComponentModel.DataAnnotations;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Minutes settings (section <c>Minutes</c>).</summary>
public sealed class MinutesOptions
{
    public const string Section = "Minutes";

    /// <summary>The Chromium (or Chrome) binary that prints PDFs headless.</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one PDF print may take before it is abandoned.</summary>
    [Range(5, 600)]
    public int PdfTimeoutSeconds { get; set; } = 60;

    /// <summary>At most this many reviewers' PDF downloads wait for the printer at once; more get 503 at once.</summary>
    [Range(1, 100)]
    public int PdfQueueLimit { get; set; } = 4;

    /// <summary>How long a reviewer's PDF download waits for the printer before it gets 503.</summary>
    [Range(1, 600)]
    public int PdfQueueWaitSeconds { get; set; } = 30;

    /// <summary>How often every node sweeps for minutes work (compiles, public renders) a crash left undispatched.</summary>
    [Range(1, 3600)]
    public int WorkSweepSeconds { get; set; } = 30;

    /// <summary>
    /// Test-only fault: the process kills itself right after a session's end is committed, before the minutes
    /// compile is dispatched (the crash test). Never set in production.
    /// </summary>
    public bool KillAfterEndCommitted { get; set; }

    /// <summary>Roles that may sign (签发) minutes (appsettings: leader, admin). Staff may also sign when their
    /// account holds the claim <c>permission</c> = <c>minutes.sign</c>. Empty by default because configuration
    /// binding appends to arrays.</summary>
    [MinLength(1)]
    public string[] SignerRoles { get; set; } = [];
}
