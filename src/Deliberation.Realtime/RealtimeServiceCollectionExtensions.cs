using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Realtime;

/// <summary>Registers SignalR and the live-room engine.</summary>
public static class RealtimeServiceCollectionExtensions
{
    /// <summary>Adds SignalR (with the Redis backplane when <c>Realtime:Redis</c> is set) and the room services.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(RealtimeOptions.Section).Get<RealtimeOptions>() ?? new RealtimeOptions();
        var signalR = services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.EnableDetailedErrors = false;
        });
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            signalR.AddStackExchangeRedis(options.Redis, o =>
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(options.ChannelPrefix));
        }
        return services;
    }
}
