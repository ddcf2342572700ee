using System.Globalization;

namespace Deliberation.Bench.Hls;

/// <summary>
/// <c>./hub bench hls [--players 250,500,1000,2000,4000] [--seconds 20] [--rows nginx,hub] [--bitrate 1000k]
/// [--g2g-samples 12] [--own-nginx] [--no-pin]</c>. Pinning comes from <c>BENCH_SERVER_CPUS</c> / <c>BENCH_CLIENT_CPUS</c> (./hub bench).
/// </summary>
public sealed record BenchOptions(string Root, int[] Players, int Seconds, string[] Rows, string Bitrate, int G2GSamples, string Postgres, string Out)
{
    public string? ServerCpus { get; init; }
    public string? ClientCpus { get; init; }

    /// <summary>--own-nginx: the bench's own nginx.conf.template even when tools/stream/ has the project's.</summary>
    public bool OwnNginx { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var root = Environment.GetEnvironmentVariable("BENCH_ROOT") ?? FindRoot();
        var pinned = !args.Contains("--no-pin");
        string? Cpus(string variable) => pinned && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : null;
        return new BenchOptions(root,
            Arg("players", "250,500,1000,2000,4000").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray(),
            Math.Clamp(int.Parse(Arg("seconds", "20"), CultureInfo.InvariantCulture), 5, 60),
            Arg("rows", "nginx,hub").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Arg("bitrate", "1000k"),
            int.Parse(Arg("g2g-samples", "12"), CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("BENCH_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres",
            Arg("out", Path.Combine(root, "bench", "results")))
        {
            ServerCpus = Cpus("BENCH_SERVER_CPUS"), ClientCpus = Cpus("BENCH_CLIENT_CPUS"), OwnNginx = args.Contains("--own-nginx"),
        };
    }

    public string Setup => ServerCpus is null
        ? "not pinned (nginx, ffmpeg, hub and generator share every core)"
        : $"nginx, ffmpeg and the hub pinned to CPU {ServerCpus}, generator to CPU {ClientCpus ?? "(any)"} (taskset)";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Deliberation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
