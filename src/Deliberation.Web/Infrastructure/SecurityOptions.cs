namespace Deliberation.Web.Infrastructure;

/// <summary>Who the hub trusts (section <c>Security</c>); host names themselves are <c>AllowedHosts</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Further origins (<c>https://hub.example.org</c>) whose pages may open the real-time hubs, besides the hub's own
    /// pages (the request's own scheme and host). A request without an <c>Origin</c> header (no browser) passes.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Addresses of the reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed. Empty together with
    /// <see cref="KnownNetworks"/>: loopback only.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, <c>172.16.0.0/12</c>) of trusted reverse proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
