using System.Buffers;
using System.Diagnostics;
using Deliberation.Bench.Core;

namespace Deliberation.Bench.Hls;

/// <summary>What one step (N players for S seconds against one URL) measured.</summary>
public sealed record StepResult(string Row, int Players, double Seconds, long Segments, long Bytes, long Playlists, double P50Ms, double P99Ms,
    double MaxMs, long Late, long Failed, long Missed, int KeptUp, double ServerCores, double GeneratorCores, double EncoderCores)
{
    /// <summary>Why fetches failed: status code or exception kind → count.</summary>
    public IReadOnlyDictionary<string, long> Failures { get; init; } = new Dictionary<string, long>();

    public double SegmentsPerSecond => Segments / Seconds;
    public double MBPerSecond => Bytes / Seconds / 1e6;
    public bool AllKeptUp => KeptUp == Players;
}

/// <summary>
/// N simulated HLS players on 127.0.0.1, each with its own connection, as a player does it: reload the live playlist
/// every target duration (first load at a random moment within one), fetch every segment that is new since the
/// previous load (starting from the newest), whole body read and counted. A player keeps up when none of its segment
/// fetches failed, none took longer than the segment lasts (late) and none fell out of the playlist before it was
/// fetched (missed). Players join over a ramp (≤ 500 a second); only the window after every player joined is measured.
/// </summary>
public static class HlsLoad
{
    public static async Task<StepResult> RunAsync(string row, Uri playlist, int players, TimeSpan duration, Func<double> serverCpu, Func<double> encoderCpu)
    {
        var stats = new Shared();
        var keptUp = new bool[players];
        using var stop = new CancellationTokenSource();
        // Players arrive over a ramp (at most 500 new connections a second, under nginx's default listen backlog of 511,
        // as viewers join over minutes, not in one instant); the step is measured once all have joined.
        var ramp = TimeSpan.FromSeconds(Math.Clamp(players / 500.0, 1, 10));
        var tasks = new Task[players];
        for (var i = 0; i < players; i++)
        {
            var me = i;
            var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ramp.TotalMilliseconds);
            tasks[i] = Task.Run(() => PlayerAsync(playlist, stats, delay, ok => keptUp[me] = ok, stop.Token));
        }
        await Task.Delay(ramp + TimeSpan.FromSeconds(1));
        var generator = Process.GetCurrentProcess();
        generator.Refresh();
        var gen0 = generator.TotalProcessorTime;
        var server0 = serverCpu();
        var encoder0 = encoderCpu();
        var clock = Stopwatch.StartNew();
        stats.Measuring = true;
        await Task.Delay(duration);
        stats.Measuring = false;
        var seconds = clock.Elapsed.TotalSeconds;
        generator.Refresh();
        var cpu = ((serverCpu() - server0) / seconds, (generator.TotalProcessorTime - gen0).TotalSeconds / seconds, (encoderCpu() - encoder0) / seconds);
        stop.Cancel();
        // Fetches in flight at the end finish or time out (bounded by the per-request timeout).
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { });
        return new StepResult(row, players, seconds, stats.Segments, stats.Bytes, stats.Playlists, stats.Fetch.PercentileMs(50), stats.Fetch.PercentileMs(99),
            stats.Fetch.MaxMs, stats.Late, stats.Failed, stats.Missed, keptUp.Count(k => k),
            cpu.Item1, cpu.Item2, cpu.Item3)
        {
            Failures = stats.Failures.ToDictionary(),
        };
    }

    private sealed class Shared
    {
        public readonly LatencyHistogram Fetch = new();
        public volatile bool Measuring;
        public long Segments, Bytes, Playlists, Late, Failed, Missed;
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Failures = new();

        public void Fail(string playlistOrSegment, Exception e)
        {
            Interlocked.Increment(ref Failed);
            var kind = e switch
            {
                HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
                HttpRequestException { InnerException: { } inner } => inner.GetType().Name + (inner is System.Net.Sockets.SocketException se ? " " + se.SocketErrorCode : ""),
                TaskCanceledException => "timeout (10 s)",
                _ => e.GetType().Name,
            };
            Failures.AddOrUpdate($"{playlistOrSegment}: {kind}", 1, (_, n) => n + 1);
        }
    }

    private static async Task PlayerAsync(Uri playlistUrl, Shared s, TimeSpan arrival, Action<bool> report, CancellationToken stop)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan, ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var ok = true;
        long last = -1;
        try
        {
            await Task.Delay(arrival, stop);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                Playlist list;
                try
                {
                    list = Playlist.Parse(await http.GetStringAsync(playlistUrl, stop));
                    if (s.Measuring) Interlocked.Increment(ref s.Playlists);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    if (s.Measuring)
                    {
                        s.Fail("playlist", e);
                        ok = false;
                    }
                    await Task.Delay(1000, stop);
                    continue;
                }
                var first = last < 0 ? list.MediaSequence + list.Segments.Count - 1 : last + 1;
                if (last >= 0 && list.MediaSequence > first)
                {
                    if (s.Measuring)
                    {
                        Interlocked.Add(ref s.Missed, list.MediaSequence - first);
                        ok = false;
                    }
                    first = list.MediaSequence;
                }
                for (var seq = first; seq < list.MediaSequence + list.Segments.Count && !stop.IsCancellationRequested; seq++)
                {
                    var (length, uri) = list.Segments[(int)(seq - list.MediaSequence)];
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.GetAsync(new Uri(playlistUrl, uri), HttpCompletionOption.ResponseHeadersRead, stop);
                        response.EnsureSuccessStatusCode();
                        await using var body = await response.Content.ReadAsStreamAsync(stop);
                        long n = 0;
                        int read;
                        while ((read = await body.ReadAsync(buffer, stop)) > 0) n += read;
                        var elapsed = Stopwatch.GetTimestamp() - t0;
                        if (s.Measuring)
                        {
                            s.Fetch.Record(elapsed);
                            Interlocked.Increment(ref s.Segments);
                            Interlocked.Add(ref s.Bytes, n);
                            if (elapsed * 1000.0 / Stopwatch.Frequency > length * 1000)
                            {
                                Interlocked.Increment(ref s.Late);
                                ok = false;
                            }
                        }
                    }
                    catch (Exception e) when (!stop.IsCancellationRequested)
                    {
                        if (s.Measuring)
                        {
                            s.Fail("segment", e);
                            ok = false;
                        }
                    }
                    last = seq;
                }
                var wait = TimeSpan.FromSeconds(Math.Max(list.TargetDuration, 0.5)) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // the step is over
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            report(ok && last >= 0);
        }
    }
}
