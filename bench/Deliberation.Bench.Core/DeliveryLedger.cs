namespace Deliberation.Bench.Core;

/// <summary>
/// Which viewer got which message: one bitset per viewer over message ids, written only by that viewer's receive
/// loop (no locks). From it: deliveries, duplicates, and the deliveries still missing at the end, split into those
/// that may still arrive ("undelivered when the wait stopped") and those that no longer can ("lost").
/// </summary>
public sealed class DeliveryLedger
{
    private readonly ulong[][] _seen;
    private readonly long[] _duplicates;
    private readonly long[] _delivered;
    private readonly long[] _maxSeq;
    private readonly bool[] _closed;
    private readonly long[] _messageSeq;
    private readonly int _capacity;

    public DeliveryLedger(int viewers, int maxMessages)
    {
        _capacity = maxMessages;
        _seen = new ulong[viewers][];
        for (var v = 0; v < viewers; v++) _seen[v] = new ulong[(maxMessages + 63) / 64];
        _duplicates = new long[viewers];
        _delivered = new long[viewers];
        _maxSeq = new long[viewers];
        _closed = new bool[viewers];
        _messageSeq = new long[maxMessages];
    }

    public int Viewers => _seen.Length;

    /// <summary>Viewer <paramref name="viewer"/> received message <paramref name="message"/>; false when it had already.</summary>
    public bool Deliver(int viewer, int message) => Deliver(viewer, message, 0);

    /// <summary>As <see cref="Deliver(int,int)"/>, for a message that came as the room event numbered <paramref name="seq"/>.</summary>
    public bool Deliver(int viewer, int message, long seq)
    {
        if ((uint)message >= (uint)_capacity) return false;
        if (seq > 0)
        {
            // Every viewer sees a message under the same number, so racing writers store the same value; only the first
            // writes, so the viewers' threads do not fight over the cache line.
            if (Volatile.Read(ref _messageSeq[message]) == 0) Volatile.Write(ref _messageSeq[message], seq);
            Seen(viewer, seq);
        }
        ref var word = ref _seen[viewer][message >> 6];
        var bit = 1UL << (message & 63);
        if ((word & bit) != 0)
        {
            _duplicates[viewer]++;
            return false;
        }
        word |= bit;
        _delivered[viewer]++;
        return true;
    }

    /// <summary>Viewer <paramref name="viewer"/> received the room event numbered <paramref name="seq"/> (any type).</summary>
    public void Seen(int viewer, long seq)
    {
        if (seq > _maxSeq[viewer]) _maxSeq[viewer] = seq;
    }

    /// <summary>Viewer <paramref name="viewer"/>'s connection ended: nothing more can reach it.</summary>
    public void Closed(int viewer) => Volatile.Write(ref _closed[viewer], true);

    public long Delivered => _delivered.Sum();

    public long Duplicates => _duplicates.Sum();

    /// <summary>Deliveries missing: for every message in <paramref name="sent"/>, the viewers that never got it.</summary>
    public long Missing(IEnumerable<int> sent) => Classify(sent, 0).Total;

    /// <summary>
    /// Splits the missing deliveries. One is lost when it can no longer arrive: the viewer's connection is closed, or
    /// the viewer already got a later event of the room (events reach a connection in sequence order) — later than
    /// the message's own number when some viewer got it, else at least <paramref name="streamEnd"/>, the room's last
    /// sequence number as the server reported it after the wait (0 when unknown). Every other one is undelivered:
    /// still queued somewhere when the wait stopped.
    /// </summary>
    public MissingDeliveries Classify(IEnumerable<int> sent, long streamEnd)
    {
        long undelivered = 0, lost = 0;
        foreach (var m in sent)
        {
            if ((uint)m >= (uint)_capacity) continue;
            var mask = 1UL << (m & 63);
            var seq = Volatile.Read(ref _messageSeq[m]);
            var passedAt = seq > 0 ? seq + 1 : streamEnd;
            for (var v = 0; v < _seen.Length; v++)
            {
                if ((_seen[v][m >> 6] & mask) != 0) continue;
                if (Volatile.Read(ref _closed[v]) || (passedAt > 0 && _maxSeq[v] >= passedAt)) lost++;
                else undelivered++;
            }
        }
        return new MissingDeliveries(undelivered, lost);
    }

    /// <summary>Messages received that were never counted as sent (should be zero; a sign of a parsing bug).</summary>
    public long Unexpected(IReadOnlySet<int> sent)
    {
        long n = 0;
        for (var v = 0; v < _seen.Length; v++)
        {
            for (var w = 0; w < _seen[v].Length; w++)
            {
                var word = _seen[v][w];
                while (word != 0)
                {
                    var b = System.Numerics.BitOperations.TrailingZeroCount(word);
                    if (!sent.Contains(w * 64 + b)) n++;
                    word &= word - 1;
                }
            }
        }
        return n;
    }
}

/// <summary>Deliveries that had not arrived when the wait stopped: still possible, or no longer possible.</summary>
public readonly record struct MissingDeliveries(long Undelivered, long Lost)
{
    public long Total => Undelivered + Lost;
}
