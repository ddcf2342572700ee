using System.Net;
using System.Net.Sockets;

namespace Deliberation.Bench;

/// <summary>A server under test with its room, ready for clients.</summary>
public sealed record Target(string Name, Flavor Flavor, ServerProcess Server, Guid RoomId, Func<int, Task<string?>> PublisherCookie, Func<Task> CleanupAsync)
{
    /// <summary>The hub's database connection string (hub only), for the scenarios that set up polls.</summary>
    public string? Database { get; init; }

    /// <summary>Every process serving the room (two with <c>--nodes 2</c>); <see cref="Server"/> is the first.</summary>
    public IReadOnlyList<ServerProcess> Nodes { get; init; } = [Server];

    /// <summary>The node viewer <paramref name="viewer"/> connects to: viewers alternate over the nodes; publishers use the first.</summary>
    public Uri ViewerUrl(int viewer) => Nodes[(int)((uint)viewer % (uint)Nodes.Count)].Url;

    /// <summary>CPU seconds all nodes used so far.</summary>
    public double CpuSeconds() => Nodes.Sum(n => n.CpuSeconds());

    /// <summary>Resident set size of all nodes now, in KB.</summary>
    public long RssKb() => Nodes.Sum(n => n.RssKb());

    /// <summary>The sum of the nodes' peak RSS since <see cref="ResetPeak"/>, in MB.</summary>
    public long PeakRssMb => Nodes.Sum(n => n.PeakRssKb) / 1024;

    public void ResetPeak()
    {
        foreach (var n in Nodes) n.ResetPeak();
    }

    /// <summary>The room's last sequence number as the server committed it (hub only; 0 when unknown).</summary>
    public async Task<long> StreamEndAsync() => Database is null ? 0 : await BenchRoom.LastSeqAsync(Database, RoomId);
}

/// <summary>Starts the hub (Release build, its own database on the given PostgreSQL, one or more nodes) and the peers.</summary>
public static class Targets
{
    public static async Task<Target> StartAsync(string name, BenchOptions o)
    {
        switch (name)
        {
            case "hub":
                return await StartHubAsync(o);
            case "rawws":
            {
                var port = FreePort();
                var dir = Path.Combine(o.Root, "bench", "peers", "RawWs");
                var env = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
                foreach (var (k, v) in GcMode.Of(o.Root).Environment) env[k] = v;
                // Its per-socket outgoing queue in KB (default 64); a socket past it is cut.
                if (Environment.GetEnvironmentVariable("BENCH_RAWWS_QUEUE_KB") is { Length: > 0 } queue) env["QUEUE_KB"] = queue;
                // Comments batched per interval into one frame, as the hub does (default: one frame per comment).
                if (Environment.GetEnvironmentVariable("BENCH_RAWWS_BATCH_MS") is { Length: > 0 } batch) env["BATCH_MS"] = batch;
                var server = await ServerProcess.StartAsync("rawws", "dotnet", [Path.Combine(dir, "bin", "Release", "net10.0", "RawWs.dll")], dir,
                    env, port, "/", o.ServerCpus);
                return new Target("raw WebSocket (ASP.NET Core)", Flavor.Raw, server, Guid.Empty, _ => Task.FromResult<string?>(null),
                    () => { server.Dispose(); return Task.CompletedTask; });
            }
            case "socketio":
            {
                var port = FreePort();
                var dir = Path.Combine(o.Root, "bench", "peers", "socketio");
                var server = await ServerProcess.StartAsync("socketio", "node", ["server.js"], dir, new() { ["PORT"] = port.ToString() }, port, "/",
                    o.ServerCpus);
                return new Target("socket.io (Node.js)", Flavor.SocketIo, server, Guid.Empty, _ => Task.FromResult<string?>(null),
                    () => { server.Dispose(); return Task.CompletedTask; });
            }
            default:
                throw new ArgumentException($"unknown server {name}");
        }
    }

    private static async Task<Target> StartHubAsync(BenchOptions o)
    {
        if (o.Nodes > 1 && string.IsNullOrEmpty(o.Redis)) throw new ArgumentException("--nodes 2 needs Redis (BENCH_REDIS or --redis; ./hub bench starts one)");
        var db = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000)}";
        var cs = $"{o.Postgres};Database={db}";
        var web = Path.Combine(o.Root, "src", "Deliberation.Web");
        var nodes = new List<ServerProcess>();
        try
        {
            for (var n = 0; n < o.Nodes; n++)
            {
                var port = FreePort();
                // The first node migrates and seeds; the others start on the finished database. No GC setting here: the
                // hub runs with the mode its runtimeconfig ships.
                var env = new Dictionary<string, string>
                {
                    ["ConnectionStrings__Default"] = cs, ["Database__Migrate"] = n == 0 ? "true" : "false", ["Database__SeedDemo"] = n == 0 ? "true" : "false",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Realtime__CallsPerSecond"] = "100000", ["Realtime__CallBurst"] = "100000",
                    // Every simulated visitor takes its identity from this one address.
                    ["RateLimits__VisitorIdentity__PermitLimit"] = "1000000",
                    ["Logging__LogLevel__Default"] = "Warning",
                };
                if (!string.IsNullOrEmpty(o.Redis)) env["Realtime__Redis"] = o.Redis;
                // BENCH_HUB_Section__Key=value passes a setting to the hub (to compare a tuning knob).
                foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
                {
                    if (e.Key is string k && k.StartsWith("BENCH_HUB_", StringComparison.Ordinal)) env[k["BENCH_HUB_".Length..]] = (string)e.Value!;
                }
                nodes.Add(await ServerProcess.StartAsync($"hub{n}", "dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "Deliberation.Web.dll")],
                    web, env, port, "/health/ready", o.ServerCpus));
            }
        }
        catch
        {
            foreach (var n in nodes) n.Dispose();
            await BenchRoom.DropAsync(o.Postgres, db);
            throw;
        }
        var first = nodes[0];
        var room = await BenchRoom.CreateAsync(cs);
        var label = o.Nodes > 1 ? $"hub (SignalR) × {o.Nodes} nodes, Redis" : "hub (SignalR)";
        return new Target(label, Flavor.Hub, first, room, i => BenchRoom.VisitorCookieAsync(first.Url, room, $"发布者{i}")!,
            async () =>
            {
                foreach (var n in nodes) n.Dispose();
                await BenchRoom.DropAsync(o.Postgres, db);
            }) { Database = cs, Nodes = nodes };
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
