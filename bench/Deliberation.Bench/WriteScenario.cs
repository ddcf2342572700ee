using System.Collections.Concurrent;
using System.Diagnostics;
using Deliberation.Bench.Core;
using Npgsql;

namespace Deliberation.Bench;

/// <summary>
/// The write path: one room, P publishers (public visitors, default 64: SignalR runs each connection's calls one at a
/// time, so P bounds the comments in flight), offered rates stepped up (<c>--rates 250,500,1000,2000</c>), at most
/// 10 s each. Per step: comments committed per second (acknowledged, from the first send to the last acknowledgement),
/// acknowledgement latency p50/p99/max (send to completion message), hub CPU per committed comment, errors, and the
/// rows the database holds against the acknowledgements (an acknowledged comment must be stored).
/// <c>./hub bench write [--rates 250,500,1000,2000] [--seconds 10] [--publishers 64]</c>.
/// </summary>
public static class WriteScenario
{
    /// <summary>Runs every step; the rows of all steps but the last go to <paramref name="earlier"/>, the last is returned.</summary>
    public static async Task<Row> RunAsync(Target t, BenchOptions o, List<Row> earlier)
    {
        var args = Environment.GetCommandLineArgs();
        string? Arg(string name) => Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var rates = (Arg("rates") ?? "250,500,1000,2000").Split(',').Select(int.Parse).ToArray();
        var publisherCount = int.Parse(Arg("publishers") ?? "64");
        var seconds = Math.Min(10, o.Seconds);
        var publishers = new List<WireClient>();
        var sentAt = new long[rates.Max() * seconds + 2];
        var latency = new LatencyHistogram();
        var acked = 0;
        long lastAck = 0;
        var errors = new ConcurrentBag<string>();
        for (var p = 0; p < publisherCount; p++)
        {
            var c = new WireClient(t.Flavor, -1, null, null)
            {
                Acked = id =>
                {
                    var now = Stopwatch.GetTimestamp();
                    latency.Record(now - Volatile.Read(ref sentAt[id]));
                    Interlocked.Increment(ref acked);
                    Volatile.Write(ref lastAck, now);
                },
                Failed = errors.Add,
            };
            await c.ConnectAsync(t.Server.Url, t.RoomId, await t.PublisherCookie(p), CancellationToken.None);
            publishers.Add(c);
        }
        await Task.Delay(1000);

        Row? row = null;
        long storedBefore = await StoredAsync(t);
        foreach (var rate in rates)
        {
            if (row is not null) earlier.Add(row);
            latency = new LatencyHistogram();
            (acked, lastAck) = (0, 0);
            errors.Clear();
            t.Server.ResetPeak();
            var cpu0 = t.Server.CpuSeconds();
            var client0 = Process.GetCurrentProcess().TotalProcessorTime;
            var total = rate * seconds;
            var interval = TimeSpan.FromSeconds(1.0 / rate);
            var clock = Stopwatch.StartNew();
            var start = Stopwatch.GetTimestamp();
            var sends = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                var due = interval * i;
                if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
                Volatile.Write(ref sentAt[i + 1], Stopwatch.GetTimestamp());
                sends.Add(publishers[i % publishers.Count].PostAsync(i + 1, CommentStamp.Format(i, Stopwatch.GetTimestamp())));
            }
            await Task.WhenAll(sends);
            var wait = Stopwatch.StartNew();
            while (Volatile.Read(ref acked) + errors.Count < total && wait.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(10);
            var elapsed = clock.Elapsed.TotalSeconds;
            var cpuSeconds = t.Server.CpuSeconds() - cpu0;
            var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalSeconds / elapsed;
            var done = Volatile.Read(ref acked);
            var commitSeconds = Math.Max(1e-3, (Volatile.Read(ref lastAck) - start) / (double)Stopwatch.Frequency);
            var stored = await StoredAsync(t);
            var cpuMsPerComment = done > 0 ? cpuSeconds * 1000 / done : 0;
            var note = $"{done}/{total} acknowledged; {stored - storedBefore} rows stored; {cpuMsPerComment:F3} ms hub CPU per committed comment; " +
                $"{publisherCount} publishers" + (errors.IsEmpty ? "" : $"; {errors.Count} errors: {string.Join(", ", errors.Distinct().Take(3))}");
            storedBefore = stored;
            row = new Row("write", t.Name, publisherCount, rate, seconds, total, done, 0, 0, done / commitSeconds,
                latency.PercentileMs(50), latency.PercentileMs(99), latency.MaxMs, cpuSeconds / elapsed, t.Server.PeakRssKb / 1024, clientCpu,
                errors.Count, note)
            {
                CommitsPerSecond = done / commitSeconds, AckP50Ms = latency.PercentileMs(50), AckP99Ms = latency.PercentileMs(99),
            };
            Console.Error.WriteLine($"   {rate}/s offered: {row.DeliveriesPerSecond:F0}/s committed, ack p50 {row.P50Ms:F1} / p99 {row.P99Ms:F1} ms; {note}");
            await Task.Delay(1000);
        }
        foreach (var c in publishers) await c.DisposeAsync();
        return row!;
    }

    private static async Task<long> StoredAsync(Target t)
    {
        if (t.Database is null) return 0;
        await using var c = new NpgsqlConnection(t.Database);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("""SELECT count(*) FROM "Comments" WHERE "ConsultationId" = $1""", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = t.RoomId });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
