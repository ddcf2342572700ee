namespace Deliberation.Bench;

/// <summary>
/// Command line: <c>scenario [--viewers N] [--rate R] [--seconds S] [--publishers P] [--servers hub,rawws,socketio]
/// [--nodes N] [--no-pin] [--fast-pg]</c>. Pinning comes from <c>BENCH_SERVER_CPUS</c> / <c>BENCH_CLIENT_CPUS</c>
/// (set by <c>./hub bench</c>, which also starts this process on the client CPUs); <c>--no-pin</c> turns it off.
/// </summary>
public sealed record BenchOptions(string Scenario, string Root, string Postgres, string? Redis, int Viewers, int Rate, int Seconds,
    int Publishers, string[] Servers, string Out)
{
    private static readonly string[] Flags = ["--no-pin", "--fast-pg"];

    /// <summary>CPUs the servers (and, through ./hub, PostgreSQL and Redis) run on, for taskset -c; null when not pinned.</summary>
    public string? ServerCpus { get; init; }

    /// <summary>CPUs this load generator runs on (reported; ./hub pins it before it starts); null when not pinned.</summary>
    public string? ClientCpus { get; init; }

    /// <summary>Hub nodes sharing the room over Redis (viewers alternate over them, publishers on the first).</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>
    /// How durable the bench PostgreSQL is: "durable" or "fast" (fsync off, ./hub bench --fast-pg) when ./hub started it
    /// (BENCH_PG_MODE), else null (a BENCH_PG given from outside, not checked). Reported, since a fast one acknowledges
    /// commits that are not durable.
    /// </summary>
    public string? PgMode { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var root = FindRoot();
        string? scenario = null;
        for (var i = 0; i < args.Length && scenario is null; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) scenario = args[i];
            else if (!Flags.Contains(args[i])) i++; // skip the option's value
        }
        var pinned = !args.Contains("--no-pin");
        string? Cpus(string variable) => pinned && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : null;
        return new BenchOptions(scenario ?? "fanout", root,
            Arg("pg", Environment.GetEnvironmentVariable("BENCH_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres"),
            Arg("redis", Environment.GetEnvironmentVariable("BENCH_REDIS") ?? "") is { Length: > 0 } r ? r : null,
            int.Parse(Arg("viewers", "1000")), int.Parse(Arg("rate", "100")), Math.Min(60, int.Parse(Arg("seconds", "15"))),
            int.Parse(Arg("publishers", "4")), Arg("servers", "hub,rawws,socketio").Split(','),
            Arg("out", Path.Combine(root, "bench", "results")))
        {
            ServerCpus = Cpus("BENCH_SERVER_CPUS"), ClientCpus = Cpus("BENCH_CLIENT_CPUS"),
            Nodes = Math.Max(1, int.Parse(Arg("nodes", "1"))),
            PgMode = Environment.GetEnvironmentVariable("BENCH_PG_MODE") is { Length: > 0 } m ? m : null,
        };
    }

    /// <summary>One line on how the run was set up: pinning, GC, PostgreSQL durability, nodes.</summary>
    public string Setup(GcMode gc) =>
        (ServerCpus is null ? "not pinned (servers and generator share every core)" : $"servers, PostgreSQL and Redis pinned to CPU {ServerCpus}, generator to CPU {ClientCpus ?? "(any)"} (taskset)")
        + $"; hub GC: {gc.Description} (from its runtimeconfig; the raw peer runs the same)"
        + PgMode switch
        {
            "durable" => "; PostgreSQL durable (fsync on, synchronous_commit on, as ./hub run)",
            "fast" => "; PostgreSQL with fsync and synchronous_commit off (--fast-pg: acknowledged commits are not durable)",
            _ => "; PostgreSQL from BENCH_PG (durability as configured there)",
        }
        + (Nodes > 1 ? $"; {Nodes} hub nodes over Redis, viewers alternating, publishers on node 1" : "");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Deliberation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
