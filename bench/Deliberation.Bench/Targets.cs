using System.Net;
using System.Net.Sockets;

namespace Deliberation.Bench;

/// <summary>A server under test with its room, ready for clients.</summary>
public sealed record Target(string Name, Flavor Flavor, ServerProcess Server, Guid RoomId, Func<int, Task<string?>> PublisherCookie, Func<Task> CleanupAsync)
{
    /// <summary>The hub's database connection string (hub only), for the scenarios that set up polls.</summary>
    public string? Database { get; init; }
}

/// <summary>Starts the hub (Release build, its own database on the given PostgreSQL) and the peers.</summary>
public static class Targets
{
    public static async Task<Target> StartAsync(string name, BenchOptions o)
    {
        var port = FreePort();
        switch (name)
        {
            case "hub":
            {
                var db = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000)}";
                var cs = $"{o.Postgres};Database={db}";
                var env = new Dictionary<string, string>
                {
                    ["ConnectionStrings__Default"] = cs, ["Database__Migrate"] = "true", ["Database__SeedDemo"] = "true",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Realtime__CallsPerSecond"] = "100000", ["Realtime__CallBurst"] = "100000",
                    // Every simulated visitor takes its identity from this one address.
                    ["RateLimits__VisitorIdentity__PermitLimit"] = "1000000",
                    ["Logging__LogLevel__Default"] = "Warning", ["DOTNET_gcServer"] = "0",
                };
                if (!string.IsNullOrEmpty(o.Redis)) env["Realtime__Redis"] = o.Redis;
                // BENCH_HUB_Section__Key=value passes a setting to the hub (to compare a tuning knob).
                foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
                {
                    if (e.Key is string k && k.StartsWith("BENCH_HUB_", StringComparison.Ordinal)) env[k["BENCH_HUB_".Length..]] = (string)e.Value!;
                }
                var web = Path.Combine(o.Root, "src", "Deliberation.Web");
                var server = await ServerProcess.StartAsync("hub", "dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "Deliberation.Web.dll")],
                    web, env, port, "/health/ready");
                var room = await BenchRoom.CreateAsync(cs);
                return new Target("hub (SignalR)", Flavor.Hub, server, room, i => BenchRoom.VisitorCookieAsync(server.Url, room, $"发布者{i}")!,
                    async () => { server.Dispose(); await BenchRoom.DropAsync(o.Postgres, db); }) { Database = cs };
            }
            case "rawws":
            {
                var dir = Path.Combine(o.Root, "bench", "peers", "RawWs");
                var server = await ServerProcess.StartAsync("rawws", "dotnet", [Path.Combine(dir, "bin", "Release", "net10.0", "RawWs.dll")], dir,
                    new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["DOTNET_gcServer"] = "0" }, port, "/");
                return new Target("raw WebSocket (ASP.NET Core)", Flavor.Raw, server, Guid.Empty, _ => Task.FromResult<string?>(null),
                    () => { server.Dispose(); return Task.CompletedTask; });
            }
            case "socketio":
            {
                var dir = Path.Combine(o.Root, "bench", "peers", "socketio");
                var server = await ServerProcess.StartAsync("socketio", "node", ["server.js"], dir, new() { ["PORT"] = port.ToString() }, port, "/");
                return new Target("socket.io (Node.js)", Flavor.SocketIo, server, Guid.Empty, _ => Task.FromResult<string?>(null),
                    () => { server.Dispose(); return Task.CompletedTask; });
            }
            default:
                throw new ArgumentException($"unknown server {name}");
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
