namespace Deliberation.Bench.Core;

/// <summary>What a fan-out run reports, computed from the ledger and the histogram.</summary>
public sealed record FanOutStats(long Expected, long Delivered, long Lost, long Duplicates, double DeliveriesPerSecond,
    double P50Ms, double P99Ms, double MaxMs)
{
    public static FanOutStats From(DeliveryLedger ledger, LatencyHistogram latency, IReadOnlyCollection<int> acked, double seconds) =>
        new((long)ledger.Viewers * acked.Count, ledger.Delivered, ledger.Lost(acked), ledger.Duplicates,
            seconds > 0 ? ledger.Delivered / seconds : 0, latency.PercentileMs(50), latency.PercentileMs(99), latency.MaxMs);

    /// <summary>Share of the expected deliveries (viewers × acknowledged messages) that arrived; duplicates not counted.</summary>
    public double DeliveredRatio => Expected == 0 ? 1 : (double)Delivered / Expected;
}
