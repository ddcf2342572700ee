using System.Net;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Security;

/// <summary>
/// The hub with tight request limits, a trusted proxy and a partner origin. The test server has no sockets, so a test
/// says which address a request comes from with <see cref="RemoteHeader"/>; each test uses its own addresses.
/// </summary>
public sealed class SecurityFactory : HubFactory
{
    /// <summary>Test-only: the socket address the request pretends to come from (set before the app's own middleware).</summary>
    public const string RemoteHeader = "X-Test-Remote";

    public const string Proxy = "10.9.9.9";
    public const string PartnerOrigin = "https://partner.example";
    public const int VisitorIdentities = 4;
    public const int SignIns = 3;
    public const int Submissions = 2;
    public const int Downloads = 2;

    private static int _next;

    /// <summary>A fresh documentation-range address for one test client.</summary>
    public static string NewAddress() => $"198.51.{100 + Interlocked.Increment(ref _next) / 250}.{1 + _next % 250}";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:VisitorIdentity:PermitLimit", VisitorIdentities.ToString());
        builder.UseSetting("RateLimits:SignIn:PermitLimit", SignIns.ToString());
        builder.UseSetting("RateLimits:Submissions:PermitLimit", Submissions.ToString());
        builder.UseSetting("RateLimits:Downloads:PermitLimit", Downloads.ToString());
        foreach (var rule in new[] { "VisitorIdentity", "SignIn", "Submissions", "Downloads" })
        {
            // Nothing refills while a test runs.
            builder.UseSetting($"RateLimits:{rule}:WindowSeconds", "86400");
        }
        builder.UseSetting("Security:KnownProxies:0", Proxy);
        builder.UseSetting("Security:AllowedOrigins:0", PartnerOrigin);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, RemoteFromHeader>());
    }

    private sealed class RemoteFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[RemoteHeader].ToString(), out var ip)) http.Connection.RemoteIpAddress = ip;
                return go(http);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFactory>
{
    public const string Name = "security";
}
