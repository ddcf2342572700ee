namespace Deliberation.Core.FollowUp;

/// <summary>The tunable rules of the loop (the host binds them from configuration).</summary>
/// <param name="LookBackMonths">Months after closing when the look-back review (回头看) falls due.</param>
/// <param name="RehandleDays">Days the department gets for 再办理 or a reopened look-back.</param>
public sealed record FollowUpPolicy(int LookBackMonths = 6, int RehandleDays = 30)
{
    /// <summary>The defaults: look back after six months, thirty days to re-handle.</summary>
    public static readonly FollowUpPolicy Default = new();
}
