namespace Deliberation.Bench.Core;

/// <summary>What a fan-out run reports, computed from the ledger and the histogram.</summary>
/// <param name="Undelivered">Missing deliveries that could still arrive when the wait stopped (still queued).</param>
/// <param name="Lost">Missing deliveries that can no longer arrive (see <see cref="DeliveryLedger.Classify"/>).</param>
public sealed record FanOutStats(long Expected, long Delivered, long Undelivered, long Lost, long Duplicates, double DeliveriesPerSecond,
    double P50Ms, double P99Ms, double MaxMs)
{
    public static FanOutStats From(DeliveryLedger ledger, LatencyHistogram latency, IReadOnlyCollection<int> acked, double seconds, long streamEnd = 0)
    {
        var missing = ledger.Classify(acked, streamEnd);
        return new((long)ledger.Viewers * acked.Count, ledger.Delivered, missing.Undelivered, missing.Lost, ledger.Duplicates,
            seconds > 0 ? ledger.Delivered / seconds : 0, latency.PercentileMs(50), latency.PercentileMs(99), latency.MaxMs);
    }

    /// <summary>Share of the expected deliveries (viewers × acknowledged messages) that arrived; duplicates not counted.</summary>
    public double DeliveredRatio => Expected == 0 ? 1 : (double)Delivered / Expected;
}
