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

    /// <summary>Roles that may sign (签发) minutes (appsettings: leader, admin). Staff may also sign when their
    /// account holds the claim <c>permission</c> = <c>minutes.sign</c>. Empty by default because configuration
    /// binding appends to arrays.</summary>
    [MinLength(1)]
    public string[] SignerRoles { get; set; } = [];
}
