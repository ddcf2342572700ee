namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>One hub node: the Release build of Deliberation.Web as its own process on a free loopback port.</summary>
public sealed class ProcessNode(string name, string connectionString, string redis, bool seed) : IDisposable
{
    private OsProcess? _process;

    public string Name { get; } = name;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public bool Running => _process?.Running == true;

    public string Log => _process?.Tail ?? "";

    /// <summary>Starts the node; <paramref name="extra"/> adds settings for this start only (e.g. a test fault).</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var root = Ports.RepoRoot();
        var web = Path.Combine(root, "src", "Deliberation.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Deliberation.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution in Release first");
        Port = Ports.Free();
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = connectionString,
            ["Realtime__Redis"] = redis,
            ["Realtime__CallsPerSecond"] = "1000",
            ["Realtime__CallBurst"] = "1000",
            ["Database__Migrate"] = "true",
            ["Database__SeedDemo"] = seed ? "true" : "false",
            ["ASPNETCORE_URLS"] = Url,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jobs__PollIntervalMs"] = "1000",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        _process = OsProcess.Start("dotnet", [dll], web, env);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (!_process.Running) throw new InvalidOperationException($"{Name} exited:\n{_process.Tail}");
            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} not ready in 60 s:\n{_process.Tail}");
    }

    /// <summary>SIGKILL mid-session.</summary>
    public void Kill() => _process?.Kill();

    public void Dispose() => _process?.Dispose();
}
