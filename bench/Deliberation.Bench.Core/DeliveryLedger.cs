namespace Deliberation.Bench.Core;

/// <summary>
/// Which viewer got which message: one bitset per viewer over message ids, written only by that viewer's receive
/// loop (no locks). From it: deliveries, duplicates, and messages lost (sent and acknowledged, never delivered).
/// </summary>
public sealed class DeliveryLedger
{
    private readonly ulong[][] _seen;
    private readonly long[] _duplicates;
    private readonly long[] _delivered;
    private readonly int _capacity;

    public DeliveryLedger(int viewers, int maxMessages)
    {
        _capacity = maxMessages;
        _seen = new ulong[viewers][];
        for (var v = 0; v < viewers; v++) _seen[v] = new ulong[(maxMessages + 63) / 64];
        _duplicates = new long[viewers];
        _delivered = new long[viewers];
    }

    public int Viewers => _seen.Length;

    /// <summary>Viewer <paramref name="viewer"/> received message <paramref name="message"/>; false when it had already.</summary>
    public bool Deliver(int viewer, int message)
    {
        if ((uint)message >= (uint)_capacity) return false;
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

    public long Delivered => _delivered.Sum();

    public long Duplicates => _duplicates.Sum();

    /// <summary>Deliveries missing: for every message in <paramref name="sent"/>, the viewers that never got it.</summary>
    public long Lost(IEnumerable<int> sent)
    {
        long lost = 0;
        foreach (var m in sent)
        {
            if ((uint)m >= (uint)_capacity) continue;
            var mask = 1UL << (m & 63);
            for (var v = 0; v < _seen.Length; v++)
            {
                if ((_seen[v][m >> 6] & mask) == 0) lost++;
            }
        }
        return lost;
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
