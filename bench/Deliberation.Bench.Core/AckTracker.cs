using System.Diagnostics;

namespace Deliberation.Bench.Core;

/// <summary>
/// When each publisher call was sent and acknowledged (thread-safe, indexed by the call's id): acknowledgement
/// latency and the commit rate, i.e. acknowledgements per second from the first send to the last acknowledgement.
/// </summary>
public sealed class AckTracker
{
    private readonly long[] _sentAt;
    private readonly LatencyHistogram _latency = new();
    private long _firstSent;
    private long _lastAcked;
    private long _acked;

    public AckTracker(int capacity) => _sentAt = new long[capacity];

    public LatencyHistogram Latency => _latency;

    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Call <paramref name="id"/> goes out at <paramref name="timestamp"/> (Stopwatch ticks).</summary>
    public void Sent(int id, long timestamp)
    {
        if ((uint)id >= (uint)_sentAt.Length) return;
        Volatile.Write(ref _sentAt[id], timestamp);
        Interlocked.CompareExchange(ref _firstSent, timestamp, 0);
    }

    /// <summary>Call <paramref name="id"/> was acknowledged at <paramref name="timestamp"/>; false for an unknown or repeated id.</summary>
    public bool Ack(int id, long timestamp)
    {
        if ((uint)id >= (uint)_sentAt.Length) return false;
        var sent = Interlocked.Exchange(ref _sentAt[id], 0);
        if (sent == 0) return false;
        _latency.Record(timestamp - sent);
        Interlocked.Increment(ref _acked);
        long last;
        while (timestamp > (last = Interlocked.Read(ref _lastAcked)) && Interlocked.CompareExchange(ref _lastAcked, timestamp, last) != last)
        {
        }
        return true;
    }

    /// <summary>Acknowledgements per second from the first send to the last acknowledgement (0 before any).</summary>
    public double PerSecond
    {
        get
        {
            var span = Interlocked.Read(ref _lastAcked) - Interlocked.Read(ref _firstSent);
            return span > 0 ? Acked / (span / (double)Stopwatch.Frequency) : 0;
        }
    }
}
