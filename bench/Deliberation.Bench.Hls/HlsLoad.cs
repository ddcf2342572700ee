using System.Buffers;
using System.Diagnostics;
using Deliberation.Bench.Core;

namespace Deliberation.Bench.Hls;

/// <summary>What one step (N players for S seconds against one URL) measured.</summary>
public sealed record StepResult(string Row, int Players, double Seconds, long Segments, long Bytes, long Playlists, double P50Ms, double P99Ms,
    double MaxMs, long Late, long Failed, long Missed, int KeptUp, double ServerCores, double GeneratorCores, double EncoderCores)
{
    public double SegmentsPerSecond => Segments / Seconds;
    public double MBPerSecond => Bytes / Seconds / 1e6;
    public bool AllKeptUp => KeptUp == Players;
}

/// <summary>
/// N simulated HLS players on 127.0.0.1, each with its own connection, as a player does it: reload the live playlist
/// every target duration (first load at a random moment within one), fetch every segment that is new since the
/// previous load (starting from the newest), whole body read and counted. A player keeps up when none of its segment
/// fetches failed, none took longer than the segment lasts (late) and none fell out of the playlist before it was
/// fetched (missed).
/// </summary>
public static class HlsLoad
{
    public static async Task<StepResult> RunAsync(string row, Uri playlist, int players, TimeSpan duration, Func<double> serverCpu, Func<double> encoderCpu)
    {
        var stats = new Shared();
        var keptUp = new bool[players];
        using var stop = new CancellationTokenSource();
        var generator = Process.GetCurrentProcess();
        generator.Refresh();
        var gen0 = generator.TotalProcessorTime;
        var server0 = serverCpu();
        var encoder0 = encoderCpu();
        var clock = Stopwatch.StartNew();
        var tasks = new Task[players];
        for (var i = 0; i < players; i++)
        {
            var me = i;
            tasks[i] = Task.Run(() => PlayerAsync(playlist, stats, ok => keptUp[me] = ok, stop.Token));
        }
        await Task.Delay(duration);
        stop.Cancel();
        // Fetches in flight at the end finish or time out (bounded by the per-request timeout).
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { });
        var seconds = clock.Elapsed.TotalSeconds;
        generator.Refresh();
        return new StepResult(row, players, seconds, stats.Segments, stats.Bytes, stats.Playlists, stats.Fetch.PercentileMs(50), stats.Fetch.PercentileMs(99),
            stats.Fetch.MaxMs, stats.Late, stats.Failed, stats.Missed, keptUp.Count(k => k),
            (serverCpu() - server0) / seconds, (generator.TotalProcessorTime - gen0).TotalSeconds / seconds, (encoderCpu() - encoder0) / seconds);
    }

    private sealed class Shared
    {
        public readonly LatencyHistogram Fetch = new();
        public long Segments, Bytes, Playlists, Late, Failed, Missed;
    }

    private static async Task PlayerAsync(Uri playlistUrl, Shared s, Action<bool> report, CancellationToken stop)
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
            // Players do not start in step.
            await Task.Delay(Random.Shared.Next(0, 1000), stop);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                Playlist list;
                try
                {
                    list = Playlist.Parse(await http.GetStringAsync(playlistUrl, stop));
                    Interlocked.Increment(ref s.Playlists);
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref s.Failed);
                    ok = false;
                    await Task.Delay(1000, stop);
                    continue;
                }
                var first = last < 0 ? list.MediaSequence + list.Segments.Count - 1 : last + 1;
                if (last >= 0 && list.MediaSequence > first)
                {
                    Interlocked.Add(ref s.Missed, list.MediaSequence - first);
                    ok = false;
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
                        s.Fetch.Record(elapsed);
                        Interlocked.Increment(ref s.Segments);
                        Interlocked.Add(ref s.Bytes, n);
                        if (elapsed * 1000.0 / Stopwatch.Frequency > length * 1000)
                        {
                            Interlocked.Increment(ref s.Late);
                            ok = false;
                        }
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref s.Failed);
                        ok = false;
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
