using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Deliberation.Bench.Core;

namespace Deliberation.Bench;

/// <summary>
/// Slow viewers: the same room and load twice — first every viewer reads, then a tenth of them stop reading right
/// after joining (on sockets with a 4 KB receive buffer, so the server's writes back up within the run). Reports the
/// readers' latency in both runs (the target: p99 rises by at most 20 %) and the server's peak RSS.
/// </summary>
public static class SlowScenario
{
    /// <summary>Share of the viewers that stop reading in the second run.</summary>
    public const double StalledShare = 0.1;

    public static async Task<Row> RunAsync(Target t, BenchOptions o)
    {
        var calm = await MeasureAsync(t, o, 0);
        await Task.Delay(2000);
        var slow = await MeasureAsync(t, o, (int)(o.Viewers * StalledShare));
        var rise = calm.Stats.P99Ms > 0 ? (slow.Stats.P99Ms / calm.Stats.P99Ms - 1) * 100 : 0;
        return new Row("slow viewers", t.Name, o.Viewers, o.Rate, o.Seconds, slow.Stats.Expected, slow.Stats.Delivered, slow.Stats.Lost,
            slow.Stats.Duplicates, slow.Stats.DeliveriesPerSecond, slow.Stats.P50Ms, slow.Stats.P99Ms, slow.Stats.MaxMs, slow.Cpu, slow.PeakRssMb, 0,
            calm.Failures + slow.Failures,
            $"readers only, {(int)(o.Viewers * StalledShare)} stalled; without stalled viewers p50 {calm.Stats.P50Ms:F0} ms / p99 {calm.Stats.P99Ms:F0} ms " +
            $"({calm.Stats.Delivered}/{calm.Stats.Expected} delivered, RSS {calm.PeakRssMb} MB); p99 rise {rise:F0} %");
    }

    private sealed record Run(FanOutStats Stats, double Cpu, long PeakRssMb, int Failures);

    private static async Task<Run> MeasureAsync(Target t, BenchOptions o, int stalled)
    {
        var readers = o.Viewers - stalled;
        var ledger = new DeliveryLedger(readers, o.Rate * o.Seconds + 1000);
        var latency = new LatencyHistogram();
        var clients = new ConcurrentBag<WireClient>();
        var failures = 0;
        using var smallBuffers = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectWithSmallBufferAsync });
        await Parallel.ForEachAsync(Enumerable.Range(0, o.Viewers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var stalls = i >= readers;
            var c = stalls ? new WireClient(t.Flavor, -1, null, null) { Invoker = smallBuffers } : new WireClient(t.Flavor, i, ledger, latency);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await c.ConnectAsync(t.Server.Url, t.RoomId, null, timeout.Token);
                if (stalls) c.StopReading();
                clients.Add(c);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
                await c.DisposeAsync();
            }
        });
        var publishers = new List<WireClient>();
        var acked = new ConcurrentBag<int>();
        for (var p = 0; p < o.Publishers; p++)
        {
            var c = new WireClient(t.Flavor, -1, null, null) { Acked = id => acked.Add(id - 1) };
            await c.ConnectAsync(t.Server.Url, t.RoomId, await t.PublisherCookie(p), CancellationToken.None);
            publishers.Add(c);
        }
        await Task.Delay(1000);
        t.Server.ResetPeak();
        var cpu0 = t.Server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var total = o.Rate * o.Seconds;
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / o.Rate);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            sends.Add(publishers[i % publishers.Count].PostAsync(i + 1, CommentStamp.Format(i, Stopwatch.GetTimestamp())));
        }
        await Task.WhenAll(sends);
        long last = -1;
        for (var waited = 0; waited < 5 && ledger.Delivered != last; waited++)
        {
            last = ledger.Delivered;
            await Task.Delay(2000);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var run = new Run(FanOutStats.From(ledger, latency, acked.ToList(), seconds), (t.Server.CpuSeconds() - cpu0) / seconds,
            t.Server.PeakRssKb / 1024, failures);
        foreach (var c in publishers.Concat(clients).Chunk(256)) await Task.WhenAll(c.Select(x => x.DisposeAsync().AsTask()));
        return run;
    }

    private static async ValueTask<Stream> ConnectWithSmallBufferAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
