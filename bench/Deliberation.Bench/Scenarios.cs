using System.Collections.Concurrent;
using System.Diagnostics;
using Deliberation.Bench.Core;

namespace Deliberation.Bench;

/// <summary>One row of the results table.</summary>
/// <param name="Lost">Deliveries that can no longer arrive (see <see cref="DeliveryLedger.Classify"/>).</param>
/// <param name="ClientCpuCores">The load generator's own CPU over the run (filled in for every scenario by Program).</param>
public sealed record Row(string Scenario, string Server, int Viewers, int Rate, int Seconds, long Expected, long Delivered, long Lost, long Duplicates,
    double DeliveriesPerSecond, double P50Ms, double P99Ms, double MaxMs, double ServerCpuCores, long ServerPeakRssMb, double ClientCpuCores,
    int Failures, string Note)
{
    /// <summary>Deliveries still missing when the wait stopped that could still have arrived (queued, not lost).</summary>
    public long Undelivered { get; init; }

    /// <summary>Acknowledged publisher calls per second, from the first send to the last acknowledgement.</summary>
    public double CommitsPerSecond { get; init; }

    /// <summary>Send → acknowledgement latency of the publisher calls (0 when the scenario has none).</summary>
    public double AckP50Ms { get; init; }

    public double AckP99Ms { get; init; }
}

/// <summary>The scenarios; each returns one row per server.</summary>
public static partial class Scenarios
{
    /// <summary>
    /// (b) M poll answers/s into one poll from 200 voters (answers may change), N viewers watching; the time from the
    /// last acknowledged answer until every viewer's PollTallied counts equal the answers' final state.
    /// </summary>
    public static async Task<Row> VoteStormAsync(Target t, BenchOptions o)
    {
        const int options = 4, voterCount = 200;
        var poll = await BenchRoom.OpenPollAsync(t.Database!, t.RoomId, options);
        var (viewers, failures) = await ConnectViewersAsync(t, o.Viewers, TimeSpan.Zero, null, null, null);
        var voters = new List<WireClient>();
        var acked = 0;
        var errors = new ConcurrentBag<string>();
        for (var v = 0; v < voterCount; v++)
        {
            var c = new WireClient(Flavor.Hub, -1, null, null) { Acked = _ => Interlocked.Increment(ref acked), Failed = errors.Add };
            await c.ConnectAsync(t.Server.Url, t.RoomId, await t.PublisherCookie(v), CancellationToken.None);
            voters.Add(c);
        }
        var final = new int[voterCount];
        Array.Fill(final, -1);
        t.ResetPeak();
        var cpu0 = t.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / o.Rate);
        var total = o.Rate * o.Seconds;
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var voter = i % voterCount;
            var choice = Random.Shared.Next(options);
            final[voter] = choice; // each voter's calls run in order on its connection, so its last answer stands
            sends.Add(voters[voter].AnswerAsync(i + 1, poll, choice));
        }
        await Task.WhenAll(sends);
        var allAcked = Stopwatch.StartNew();
        while (Volatile.Read(ref acked) + errors.Count < total && allAcked.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
        var ackedAt = clock.Elapsed;
        var expected = Enumerable.Range(0, options).Select(c => final.Count(f => f == c)).ToArray();
        var exact = Stopwatch.StartNew();
        while (!viewers.All(v => v.LastTally is { } tally && tally.SequenceEqual(expected)) && exact.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(10);
        var settle = exact.Elapsed.TotalMilliseconds;
        var converged = viewers.Count(v => v.LastTally is { } tally && tally.SequenceEqual(expected));
        var cpu = (t.CpuSeconds() - cpu0) / clock.Elapsed.TotalSeconds;
        foreach (var c in voters) await c.DisposeAsync();
        await DisposeAllAsync(viewers);
        return new Row("vote storm", t.Name, o.Viewers, o.Rate, o.Seconds, total, acked, total - acked, 0, acked / ackedAt.TotalSeconds,
            0, 0, settle, cpu, t.PeakRssMb, 0, failures + errors.Count,
            $"{acked}/{total} answers acknowledged in {ackedAt.TotalSeconds:F1} s; {converged}/{viewers.Count} viewers exact " +
            $"{settle:F0} ms after the last acknowledgement (max ms column)" + (errors.IsEmpty ? "" : $"; errors: {string.Join(", ", errors.Distinct().Take(3))}"));
    }

    /// <summary>(c) N viewers join within T seconds; failures and the time from connecting to the joined room (snapshot in hand).</summary>
    public static async Task<Row> JoinStormAsync(Target t, BenchOptions o)
    {
        var joinTimes = new LatencyHistogram();
        t.ResetPeak();
        var cpu0 = t.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var (viewers, failures) = await ConnectViewersAsync(t, o.Viewers, TimeSpan.FromSeconds(o.Seconds), null, null, joinTimes);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (t.CpuSeconds() - cpu0) / seconds;
        await DisposeAllAsync(viewers);
        return new Row("join storm", t.Name, o.Viewers, 0, o.Seconds, o.Viewers, viewers.Count, 0, 0, 0,
            joinTimes.PercentileMs(50), joinTimes.PercentileMs(99), joinTimes.MaxMs, cpu, t.PeakRssMb, 0, failures,
            $"all joined after {seconds:F1} s; latency = connect to join answer (snapshot)");
    }

    /// <summary>RSS per idle connection: the slope between 1,000 and N idle viewers.</summary>
    public static async Task<Row> IdleAsync(Target t, BenchOptions o)
    {
        var (first, f1) = await ConnectViewersAsync(t, 1000, TimeSpan.Zero, null, null, null);
        await using var keep1 = KeepAlive(first);
        await Task.Delay(3000);
        var rss1 = t.RssKb();
        var (more, f2) = await ConnectViewersAsync(t, o.Viewers - 1000, TimeSpan.Zero, null, null, null);
        await using var keep2 = KeepAlive(more);
        await Task.Delay(3000);
        var rss2 = t.RssKb();
        var slope = (rss2 - rss1) / (double)Math.Max(1, o.Viewers - 1000);
        await DisposeAllAsync(first);
        await DisposeAllAsync(more);
        return new Row("idle RSS", t.Name, o.Viewers, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rss2 / 1024, 0, f1 + f2,
            $"RSS {rss1 / 1024} MB at 1000 → {rss2 / 1024} MB at {o.Viewers}: {slope:F1} KB per connection");
    }

    /// <summary>Connects <paramref name="count"/> viewers, spread over <paramref name="spread"/> (or as fast as 64 at a time go).</summary>
    internal static async Task<(List<WireClient> Clients, int Failures)> ConnectViewersAsync(Target t, int count, TimeSpan spread,
        DeliveryLedger? ledger, LatencyHistogram? latency, LatencyHistogram? joinTimes)
    {
        var clients = new ConcurrentBag<WireClient>();
        var failures = 0;
        using var gate = new SemaphoreSlim(spread > TimeSpan.Zero ? 1000 : 64);
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (spread > TimeSpan.Zero)
            {
                var due = spread * i / count;
                if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            }
            await gate.WaitAsync();
            var viewer = i;
            tasks.Add(Task.Run(async () =>
            {
                var c = new WireClient(t.Flavor, viewer, ledger, latency);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await c.ConnectAsync(t.ViewerUrl(viewer), t.RoomId, null, timeout.Token);
                    joinTimes?.Record(Stopwatch.GetTimestamp() - started);
                    clients.Add(c);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                    await c.DisposeAsync();
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return (clients.ToList(), failures);
    }

    internal static async Task DisposeAllAsync(List<WireClient> clients)
    {
        foreach (var chunk in clients.Chunk(256)) await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
    }

    internal static Pinger KeepAlive(List<WireClient> clients) => new(clients);

    /// <summary>Pings every 15 s so the hub does not drop quiet clients.</summary>
    internal sealed class Pinger : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Pinger(List<WireClient> clients) => _loop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(15000, _stop.Token);
                    foreach (var c in clients) _ = c.PingAsync().ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            catch (OperationCanceledException)
            {
                // done
            }
        });

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
        }
    }
}
