namespace Deliberation.Bench.Core;

/// <summary>
/// End-to-end latencies in 0.1 ms buckets up to 60 s (beyond that: the last bucket), thread-safe and allocation-free
/// on record, so half a million deliveries a second cost one interlocked increment each.
/// </summary>
public sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private readonly long[] _buckets = new long[600_000];
    private long _count;
    private long _maxTicks;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one latency given in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void Record(long stopwatchTicks)
    {
        if (stopwatchTicks < 0) stopwatchTicks = 0;
        var ms = stopwatchTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        var i = (int)Math.Min(ms / BucketMs, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[i]);
        Interlocked.Increment(ref _count);
        long seen;
        while (stopwatchTicks > (seen = Interlocked.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, stopwatchTicks, seen) != seen)
        {
        }
    }

    public void RecordMs(double ms) => Record((long)(ms * System.Diagnostics.Stopwatch.Frequency / 1000.0));

    public double MaxMs => Interlocked.Read(ref _maxTicks) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>The latency below which <paramref name="percent"/> % of the recorded ones fall (upper bucket edge), in ms.</summary>
    public double PercentileMs(double percent)
    {
        var total = Count;
        if (total == 0) return 0;
        var rank = (long)Math.Ceiling(total * percent / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank) return Math.Min((i + 1) * BucketMs, MaxMs);
        }
        return MaxMs;
    }
}
