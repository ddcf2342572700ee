using Npgsql;

namespace Deliberation.Bench.Hls;

/// <summary>
/// The second row: the same HLS folder served by the hub's own /media middleware (signed, expiring URLs), the hub
/// started from its Release build on its own database, pinned like nginx, with the same signing secret as nginx.
/// </summary>
public sealed class HubMedia : IDisposable
{
    private readonly string _postgres;
    private readonly string _database;

    private HubMedia(Child hub, int port, string postgres, string database)
    {
        Hub = hub;
        Port = port;
        _postgres = postgres;
        _database = database;
    }

    public Child Hub { get; }
    public int Port { get; }

    public static async Task<HubMedia> StartAsync(BenchOptions o, StreamRig rig)
    {
        var web = Path.Combine(o.Root, "src", "Deliberation.Web");
        var port = StreamRig.FreePort();
        var database = $"bench_hls_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"{o.Postgres};Database={database}", ["Database__Migrate"] = "true", ["Database__SeedDemo"] = "false",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning",
            ["Streaming__HlsPath"] = rig.HlsPath, ["Streaming__RecordPath"] = Path.Combine(rig.Prefix, "rec"), ["Streaming__SigningSecret"] = MediaSigning.Secret,
        };
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && k.StartsWith("BENCH_HUB_", StringComparison.Ordinal)) env[k["BENCH_HUB_".Length..]] = (string)e.Value!;
        }
        var hub = Child.Start("hub", "dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "Deliberation.Web.dll")], o.ServerCpus, env, web);
        var media = new HubMedia(hub, port, o.Postgres, database);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var until = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                if (hub.HasExited) throw new InvalidOperationException("the hub exited: " + hub.LogTail);
                if (DateTime.UtcNow > until) throw new TimeoutException("the hub did not become ready: " + hub.LogTail);
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not yet
                }
                await Task.Delay(500);
            }
            var probe = await http.GetAsync(media.PlaylistUrl(rig.Name));
            if (!probe.IsSuccessStatusCode) throw new InvalidOperationException($"the hub's /media answered {(int)probe.StatusCode} for the signed playlist");
            return media;
        }
        catch
        {
            media.Dispose();
            throw;
        }
    }

    public Uri PlaylistUrl(string name) => new($"http://127.0.0.1:{Port}{MediaSigning.LivePlaylist(name)}");

    public void Dispose()
    {
        Hub.Stop();
        try
        {
            using var conn = new NpgsqlConnection($"{_postgres};Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // left in the throwaway cluster
        }
    }
}
