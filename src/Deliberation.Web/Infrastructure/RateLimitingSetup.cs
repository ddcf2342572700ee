using System.Globalization;
using System.Threading.RateLimiting;
using Deliberation.Realtime;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Infrastructure;

/// <summary>
/// ASP.NET Core rate limiting on the endpoints anyone can call. Endpoints opt in by policy name
/// (<c>RequireRateLimiting</c> on a route group, <c>[EnableRateLimiting]</c> on a page). A refused request gets 429
/// with <c>Retry-After</c>: an API a localised problem, a page the localised 429 page.
/// </summary>
public static partial class RateLimitingSetup
{
    /// <summary>Taking a visitor identity (the visitor cookie).</summary>
    public const string VisitorIdentity = "visitor-identity";

    /// <summary>Sign-in form posts.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Anonymous form submissions (a stand-alone questionnaire).</summary>
    public const string Submissions = "submissions";

    /// <summary>Exports and documents.</summary>
    public const string Downloads = "downloads";

    public static IServiceCollection AddHubRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => o.Rules.All(r => r.IsValid), "RateLimits: every PermitLimit must be 1–1000000 and every WindowSeconds 1–86400.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Identity issuance and sign-in are for people without an account yet: always by address.
            o.AddPolicy(VisitorIdentity, http => Bucket(http, r => r.VisitorIdentity, byAccount: false));
            o.AddPolicy(SignIn, http => PostsOnly(http, r => r.SignIn, byAccount: false));
            o.AddPolicy(Submissions, http => PostsOnly(http, r => r.Submissions, byAccount: true));
            o.AddPolicy(Downloads, http => Bucket(http, r => r.Downloads, byAccount: true));
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>A page's GET shows the form and is not limited; only what it sends back is.</summary>
    private static RateLimitPartition<string> PostsOnly(HttpContext http, Func<RateLimitingOptions, RateLimitRule> rule, bool byAccount) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : Bucket(http, rule, byAccount);

    private static RateLimitPartition<string> Bucket(HttpContext http, Func<RateLimitingOptions, RateLimitRule> rule, bool byAccount)
    {
        var r = rule(http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value);
        // Signed in: one budget per account wherever it connects from; else per client address (after trusted proxies).
        var key = byAccount && http.User.UserId() is Guid user ? $"u:{user}" : $"a:{ClientAddress.Key(http)}";
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = r.PermitLimit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)r.WindowSeconds / r.PermitLimit),
            AutoReplenishment = true,
            QueueLimit = 0,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        LogRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingSetup)),
            http.Request.Method, http.Request.Path, ClientAddress.Key(http));
        if (!http.Request.Path.StartsWithSegments("/api")) return; // the status-code page renders the localised 429 page
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["Error.429"], detail: l["Error.429.Hint"])
            .ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit: refused {Method} {Path} from {Address}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string address);
}
