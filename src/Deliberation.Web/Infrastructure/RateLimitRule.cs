namespace Deliberation.Web.Infrastructure;

/// <summary>One limit: <see cref="PermitLimit"/> requests at once, refilled evenly over <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    internal bool IsValid => PermitLimit is >= 1 and <= 1_000_000 && WindowSeconds is >= 1 and <= 86_400;
}
