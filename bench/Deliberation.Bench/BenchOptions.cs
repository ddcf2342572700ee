namespace Deliberation.Bench;

/// <summary>Command line: <c>scenario [--viewers N] [--rate R] [--seconds S] [--servers hub,rawws,socketio]</c>.</summary>
public sealed record BenchOptions(string Scenario, string Root, string Postgres, string? Redis, int Viewers, int Rate, int Seconds,
    int Publishers, string[] Servers, string Out)
{
    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var root = FindRoot();
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) is var i && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))) ?? "fanout";
        return new BenchOptions(scenario, root,
            Arg("pg", Environment.GetEnvironmentVariable("BENCH_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres"),
            Arg("redis", Environment.GetEnvironmentVariable("BENCH_REDIS") ?? "") is { Length: > 0 } r ? r : null,
            int.Parse(Arg("viewers", "1000")), int.Parse(Arg("rate", "100")), Math.Min(60, int.Parse(Arg("seconds", "15"))),
            int.Parse(Arg("publishers", "4")), Arg("servers", "hub,rawws,socketio").Split(','),
            Arg("out", Path.Combine(root, "bench", "results")));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Deliberation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
