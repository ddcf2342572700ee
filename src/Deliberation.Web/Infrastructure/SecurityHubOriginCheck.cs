using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Infrastructure;

/// <summary>
/// Browsers send <c>Origin</c> on a WebSocket handshake and on cross-site requests, and CORS does not guard
/// WebSockets: without this check any site could open the hub with a visitor's cookies. A hub request whose
/// <c>Origin</c> is neither this host nor a configured origin gets 403; one without <c>Origin</c> (not a browser) passes.
/// </summary>
public sealed partial class SecurityHubOriginCheck(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<SecurityHubOriginCheck> logger)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is null) return next(http);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowed(http.Request, origin)) return next(http);
        LogRefused(logger, origin, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    // The hub's own pages always pass: the Host header is held to AllowedHosts and the scheme to trusted proxies.
    private bool IsAllowed(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
        || options.CurrentValue.AllowedOrigins.Any(o => string.Equals(o, origin, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub request from foreign origin {Origin} refused ({Path})")]
    private static partial void LogRefused(ILogger logger, string origin, string path);
}
