using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Deliberation.Web.Infrastructure;

/// <summary>
/// Forwarded headers from configured proxies only, the hubs' <c>Origin</c> check, and the security headers every
/// response carries (a strict Content-Security-Policy: scripts and styles from this host only, no inline code).
/// </summary>
public static class SecuritySetup
{
    /// <summary>The relaxed policy of the Hangfire dashboard, whose pages carry inline styles.</summary>
    public const string JobsDashboardPolicy = "jobs-dashboard";

    public static IServiceCollection AddHubSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Security:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Security:KnownNetworks must be CIDR networks (10.0.0.0/8).")
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Security:AllowedOrigins must be origins (https://host[:port]).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            // Behind the compose file's nginx, TLS ends at the proxy; trust its scheme so cookies are marked Secure,
            // and its client address so limits key on the visitor, not the proxy. Only from configured proxies:
            // anyone else could otherwise claim any address with one header. Empty lists keep ASP.NET's loopback default.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var s = security.Value;
            if (s.KnownProxies.Length == 0 && s.KnownNetworks.Length == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in s.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in s.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        services.AddSecurityHeaderPolicies((b, sp) =>
        {
            // The live players may also load video from the configured media origins (nginx secure_link, a CDN).
            var media = sp.GetRequiredService<IOptions<Features.Streaming.StreamingOptions>>().Value.PlayerOrigins();
            b.SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp => Csp(csp, inlineStyles: false, media)))
                .AddPolicy(JobsDashboardPolicy, p => Common(p).AddContentSecurityPolicy(csp => Csp(csp, inlineStyles: true, [])));
        });
        return services;
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection p) => p
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(c => c.SameOrigin())
        .AddPermissionsPolicy(pp =>
        {
            pp.AddCamera().None();
            pp.AddMicrophone().None();
            pp.AddGeolocation().None();
            pp.AddPayment().None();
            pp.AddUsb().None();
        })
        .RemoveServerHeader();

    private static void Csp(CspBuilder csp, bool inlineStyles, IReadOnlyList<string> mediaOrigins)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self();
        var style = csp.AddStyleSrc().Self();
        if (inlineStyles) style.UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self();
        // SignalR: 'self' covers ws:/wss: to this host in CSP level 3 browsers.
        var connect = csp.AddConnectSrc().Self();
        // The live player: hls.js fetches playlists and segments (connect-src) and plays them through Media Source
        // Extensions, whose video source is a blob: URL; native HLS and the replay's mp4 load as media-src.
        var media = csp.AddMediaSrc().Self().Blob();
        foreach (var origin in mediaOrigins)
        {
            connect.From(origin);
            media.From(origin);
        }
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }

    private static bool IsOrigin(string o) =>
        Uri.TryCreate(o, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && u.AbsolutePath == "/" && !o.EndsWith('/');

    /// <summary>The security headers, first thing, so error pages and static files carry them too.</summary>
    public static void UseHubSecurityHeaders(this WebApplication app) => app.UseSecurityHeaders();

    /// <summary>After routing: refuses a hub request (WebSocket, long polling, negotiate) from a foreign page.</summary>
    public static void UseHubOriginCheck(this WebApplication app) => app.UseMiddleware<SecurityHubOriginCheck>();
}
