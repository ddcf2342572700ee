using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Realtime.Notifications;

/// <summary>Registers and maps the notification hub (called from the follow-up feature's setup).</summary>
public static class NotificationRealtime
{
    /// <summary>Where the hub listens.</summary>
    public const string Path = "/hubs/notifications";

    /// <summary>Adds the <see cref="INotificationPusher"/>; SignalR itself comes from <c>AddRealtime</c>.</summary>
    public static IServiceCollection AddNotificationRealtime(this IServiceCollection services) =>
        services.AddScoped<INotificationPusher, NotificationPusher>();

    /// <summary>Maps the hub at <see cref="Path"/> with small buffers: clients only ever send ids.</summary>
    public static HubEndpointConventionBuilder MapNotificationHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<NotificationHub>(Path, o =>
        {
            o.ApplicationMaxBufferSize = 4 * 1024;
            o.TransportMaxBufferSize = 64 * 1024;
        });
}
