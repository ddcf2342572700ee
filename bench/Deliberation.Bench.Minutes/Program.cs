// Times the minutes compile on a large session in a fresh database and reports the peak working set.
// Usage: dotnet run -c Release --project bench/Deliberation.Bench.Minutes [-- "Host=...;Username=..."]
using System.Diagnostics;
using Deliberation.Bench.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Deliberation.Core.Tenancy;

var server = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("BENCH_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
var database = $"bench_minutes_{Guid.NewGuid():N}"[..24];
var connectionString = $"{server};Database={database}";
DbContextOptions<HubDbContext> Options() => new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(connectionString).Options;

Console.WriteLine($"database {database} on {DescribeServer(server)}; {Environment.ProcessorCount} cores");
var setup = Stopwatch.StartNew();
await using (var db = new HubDbContext(Options()) { Tenancy = OrgScope.ForSystem("bench") }) await db.Database.MigrateAsync();
var session = await new BenchData(Options).CreateAsync();
Console.WriteLine($"setup: {session.Summary} in {setup.Elapsed.TotalSeconds:0.0} s");

try
{
    var input = new MinutesCompileInput(session.ConsultationId, 1, MinutesResources.DefaultTemplate, MinutesResources.Phrases, MinutesResources.StopWords);
    for (var run = 1; run <= 3; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        string markdown;
        await using (var db = new HubDbContext(Options()) { Tenancy = OrgScope.ForSystem("bench") })
        {
            markdown = await new MinutesCompiler(db).CompileAsync(input, null, CancellationToken.None);
        }
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"run {run}: compile {clock.Elapsed.TotalSeconds:0.00} s; working set {Mb(before)} before, peak {Mb(peak)} during; " +
                          $"allocated {Mb(GC.GetTotalAllocatedBytes(precise: true) - allocated)}; markdown {markdown.Length:N0} chars");
    }
    Console.WriteLine($"process peak working set (including data generation): {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection($"{server};Database=postgres");
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}

static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";

static string DescribeServer(string cs)
{
    var b = new NpgsqlConnectionStringBuilder(cs);
    return $"{b.Host}:{b.Port}";
}
