namespace Deliberation.Web.Infrastructure;

/// <summary>
/// Request limits on the endpoints anyone can call (section <c>RateLimits</c>). Each rule is a token bucket per
/// signed-in account, else per client address: <see cref="RateLimitRule.PermitLimit"/> requests at once, refilled
/// evenly over <see cref="RateLimitRule.WindowSeconds"/>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimits";

    /// <summary>Visitor identities (the <c>.dlb.visitor</c> cookie) one address may take.</summary>
    public RateLimitRule VisitorIdentity { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Sign-in attempts (form posts) from one address; the account lockout guards each account on its own.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Form submissions anyone may make (a stand-alone questionnaire's answers).</summary>
    public RateLimitRule Submissions { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Exports and documents (questionnaire CSV/XLSX, minutes in every format, session data).</summary>
    public RateLimitRule Downloads { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    internal IEnumerable<RateLimitRule> Rules => [VisitorIdentity, SignIn, Submissions, Downloads];
}
