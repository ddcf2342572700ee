using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Rooms;
using Deliberation.Realtime.Rooms.Fanout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deliberation.Realtime;

/// <summary>Registers SignalR and the live-room engine.</summary>
public static class RealtimeServiceCollectionExtensions
{
    /// <summary>How often the server pings each connection (the browser times out after 12 s of silence).</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long the server waits for a client message (the browser pings every 5 s, .NET clients every 15 s).</summary>
    public static readonly TimeSpan ClientTimeoutInterval = TimeSpan.FromSeconds(30);

    /// <summary>Adds SignalR (with the Redis backplane when <c>Realtime:Redis</c> is set) and the room services.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateOnStart();
        // RoomHubFilter turns every failure into a typed code and logs the unexpected ones itself; SignalR's
        // dispatcher would log each expected refusal (room.rate_limited, room.watch_only…) again as an error.
        services.AddLogging(b => b.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical));
        var options = configuration.GetSection(RealtimeOptions.Section).Get<RealtimeOptions>() ?? new RealtimeOptions();
        var signalR = services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            // A dead socket must show as "reconnecting" in seconds, not after the 30 s default. The browser
            // (room-client.ts) pings every 5 s and gives up on the server after 12 s without a message; so the
            // server pings every 5 s (under 12 / 2). It keeps waiting 30 s for a client: over twice the 15 s ping
            // of .NET clients left at their defaults (tests, bench), and room for a browser page that is busy.
            o.KeepAliveInterval = KeepAliveInterval;
            o.ClientTimeoutInterval = ClientTimeoutInterval;
            o.EnableDetailedErrors = false;
            o.AddFilter<RoomHubFilter>();
        }).AddJsonProtocol(o =>
        {
            // Enums travel as names ("Oral", "Live"), which the browser code and the docs use.
            o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.PayloadSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        // The JSON protocol answers calls that cannot be bound with a typed code (room.bad_request, room.invalid_text).
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol>(sp => new TypedBindingFailures(
            new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>()), sp.GetRequiredService<ILogger<TypedBindingFailures>>()));
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            signalR.AddStackExchangeRedis(options.Redis, o =>
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(options.ChannelPrefix));
        }
        AddRoomFanout(services, redis: !string.IsNullOrWhiteSpace(options.Redis));
        services.AddSingleton<RoomHubFilter>();
        services.AddScoped<RoomAccess>();
        services.AddScoped<RoomCommands>();
        services.AddSingleton<Deliberation.Core.Rooms.Writing.RoomShapeCache>();
        services.AddSingleton<Deliberation.Core.Rooms.Writing.RoomPostWriter>();
        services.AddScoped<RoomQueries>();
        services.AddScoped<QuestionnaireQueries>();
        services.AddScoped<ConsoleQueries>();
        services.AddScoped<RoomEngine>();
        services.AddSingleton<RoomRateLimiter>();
        services.AddSingleton<SnapshotCache>();
        services.AddSingleton<RoomBroadcaster>();
        services.AddSingleton<IRoomEventSink>(sp => sp.GetRequiredService<RoomBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<RoomBroadcaster>());
        services.AddSingleton<TallyCoalescer>();
        services.AddHostedService(sp => sp.GetRequiredService<TallyCoalescer>());
        if (string.IsNullOrWhiteSpace(options.Redis)) services.AddSingleton<IPresenceStore, LocalPresenceStore>();
        else services.AddSingleton<IPresenceStore, RedisPresenceStore>();
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        return services;
    }

    /// <summary>
    /// Room groups go through <see cref="RoomFanout"/> (sent without waiting on slow connections) and, with Redis,
    /// <see cref="RedisRoomRelay"/>; the room hub's other sends stay with SignalR's manager (with its backplane).
    /// </summary>
    private static void AddRoomFanout(IServiceCollection services, bool redis)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RoomFanout>();
        if (redis)
        {
            services.AddSingleton<RedisRoomRelay>();
            services.AddSingleton<IRoomRelay>(sp => sp.GetRequiredService<RedisRoomRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisRoomRelay>());
        }
        else services.AddSingleton<IRoomRelay, LocalRoomRelay>();
        var inner = redis ? typeof(RedisHubLifetimeManager<RoomHub>) : typeof(DefaultHubLifetimeManager<RoomHub>);
        services.AddSingleton<HubLifetimeManager<RoomHub>>(sp => new RoomLifetimeManager(
            (HubLifetimeManager<RoomHub>)ActivatorUtilities.CreateInstance(sp, inner), sp.GetRequiredService<RoomFanout>(), sp.GetRequiredService<IRoomRelay>()));
    }

    /// <summary>Maps the room hub at <c>/hubs/room</c> with bounded buffers.</summary>
    public static void MapRealtime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<RoomHub>("/hubs/room", o =>
        {
            o.ApplicationMaxBufferSize = 64 * 1024;
            // What a connection may have queued for the network before a flush waits. The room fan-out skips a
            // connection whose last write waits (it resumes later), so this bounds each viewer's backlog.
            o.TransportMaxBufferSize = 64 * 1024;
            o.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;
        });
    }
}
