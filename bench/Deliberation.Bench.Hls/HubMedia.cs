using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Deliberation.Bench.Hls;

/// <summary>
/// The second row: the same HLS folder served by the hub's own /media middleware (signed, expiring URLs), the hub
/// started from its Release build on its own database, pinned like nginx. The URL is signed as the hub signs it:
/// <c>/media/{exp}/{base64url(md5("{exp}/live/{name}/ {secret}"))}/live/{name}/index.m3u8</c>.
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
            ["Streaming__HlsPath"] = rig.HlsPath, ["Streaming__RecordPath"] = Path.Combine(rig.Prefix, "rec"), ["Streaming__SigningSecret"] = Secret,
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

    /// <summary>The media signing secret given to the hub for this run (its setting is overridable with BENCH_HUB_Streaming__…).</summary>
    public static string Secret { get; } = Environment.GetEnvironmentVariable("BENCH_HUB_Streaming__SigningSecret") ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Uri PlaylistUrl(string name)
    {
        var exp = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        var scope = $"/live/{name}/";
        var sig = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes($"{exp}{scope} {Secret}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Uri($"http://127.0.0.1:{Port}/media/{exp}/{sig}{scope}index.m3u8");
    }

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
