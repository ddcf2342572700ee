using System.Collections.Concurrent;
using System.Diagnostics;
using Deliberation.Bench.Core;

namespace Deliberation.Bench;

public static partial class Scenarios
{
    /// <summary>
    /// (a) N viewers in one room, R comments/s from a few publishers; every stamp accounted for, and beside the
    /// deliveries the publishers' side: acknowledgement latency and commits (acknowledgements) per second.
    /// </summary>
    public static async Task<Row> FanOutAsync(Target t, BenchOptions o)
    {
        var total = o.Rate * o.Seconds;
        var ledger = new DeliveryLedger(o.Viewers, total + 1000);
        var latency = new LatencyHistogram();
        var (viewers, failures) = await ConnectViewersAsync(t, o.Viewers, TimeSpan.Zero, ledger, latency, null);
        await using var keepAlive = KeepAlive(viewers);
        var acks = new AckTracker(total + 2);
        var acked = new ConcurrentBag<int>();
        var errors = new ConcurrentBag<string>();
        var publishers = new List<WireClient>();
        for (var p = 0; p < o.Publishers; p++)
        {
            var c = new WireClient(t.Flavor, -1, null, null)
            {
                Acked = id => { if (acks.Ack(id, Stopwatch.GetTimestamp())) acked.Add(id - 1); },
                Failed = errors.Add,
            };
            await c.ConnectAsync(t.Server.Url, t.RoomId, await t.PublisherCookie(p), CancellationToken.None);
            publishers.Add(c);
        }
        await Task.Delay(1000);

        t.ResetPeak();
        var cpu0 = t.CpuSeconds();
        var client0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runStart = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1.0 / o.Rate);
        var sends = new List<Task>(total);
        for (var message = 0; message < total; message++)
        {
            var due = interval * message;
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var now = Stopwatch.GetTimestamp();
            acks.Sent(message + 1, now);
            sends.Add(publishers[message % publishers.Count].PostAsync(message + 1, CommentStamp.Format(message, now)));
        }
        await Task.WhenAll(sends);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        // Drain: until everything acknowledged reached every viewer, or neither a delivery nor an acknowledgement
        // arrived for 5 s (a busy box can stall a server that long), at most 30 s. What is still missing then is split
        // by the ledger into undelivered (could still come) and lost (can no longer come).
        var drain = Stopwatch.StartNew();
        var progressAt = TimeSpan.Zero;
        for (long last = -1; drain.Elapsed < TimeSpan.FromSeconds(30) && drain.Elapsed - progressAt < TimeSpan.FromSeconds(5); )
        {
            var now = ledger.Delivered + acks.Acked;
            if (acks.Acked == total && ledger.Delivered >= (long)viewers.Count * total) break;
            if (now != last) (last, progressAt) = (now, drain.Elapsed);
            await Task.Delay(250);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (t.CpuSeconds() - cpu0) / seconds;
        var clientCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalSeconds;
        var clientCpu = clientCpuSeconds / seconds;
        var streamEnd = await t.StreamEndAsync();
        // Rate over the time deliveries actually took: from the first send to the last delivery.
        var deliverySeconds = Math.Max(sendSeconds, (WireClient.LastDeliveryAt - runStart) / (double)Stopwatch.Frequency);
        var stats = FanOutStats.From(ledger, latency, acked.ToList(), deliverySeconds, streamEnd);
        foreach (var c in publishers) await c.DisposeAsync();
        await DisposeAllAsync(viewers);
        // Per delivery, server and generator CPU compare across runs of different length and rate.
        var perDelivery = stats.Delivered > 0
            ? $"; CPU per delivery: server {cpu * seconds * 1e6 / stats.Delivered:F1} µs, generator {clientCpuSeconds * 1e6 / stats.Delivered:F1} µs"
            : "";
        var note = $"{acks.Acked}/{total} comments acknowledged" + (streamEnd > 0 ? $"; room's last seq {streamEnd}" : "") + perDelivery
            + (errors.IsEmpty ? "" : $"; errors: {string.Join(", ", errors.Distinct().Take(3))}");
        return new Row("fan-out", t.Name, o.Viewers, o.Rate, o.Seconds, stats.Expected, stats.Delivered, stats.Lost, stats.Duplicates,
            stats.DeliveriesPerSecond, stats.P50Ms, stats.P99Ms, stats.MaxMs, cpu, t.PeakRssMb, clientCpu, failures, note)
        {
            Undelivered = stats.Undelivered, CommitsPerSecond = acks.PerSecond,
            AckP50Ms = acks.Latency.PercentileMs(50), AckP99Ms = acks.Latency.PercentileMs(99),
        };
    }
}
