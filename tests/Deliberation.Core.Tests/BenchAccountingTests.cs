using System.Diagnostics;
using System.Text;
using Deliberation.Bench.Core;

namespace Deliberation.Core.Tests;

public class BenchAccountingTests
{
    [Fact]
    public void Ledger_CountsLostAndDuplicatedDeliveries()
    {
        var ledger = new DeliveryLedger(viewers: 3, maxMessages: 200);
        int[] acked = [0, 1, 2, 70, 199];
        foreach (var m in acked) ledger.Deliver(0, m);
        ledger.Deliver(1, 0);
        ledger.Deliver(1, 70);
        Assert.False(ledger.Deliver(1, 70));
        foreach (var m in acked) ledger.Deliver(2, m);
        Assert.False(ledger.Deliver(2, 199));

        Assert.Equal(12, ledger.Delivered);
        Assert.Equal(2, ledger.Duplicates);
        Assert.Equal(3, ledger.Lost(acked)); // viewer 1 missed 1, 2 and 199
        Assert.Equal(0, ledger.Unexpected(acked.ToHashSet()));
        Assert.Equal(3, ledger.Unexpected(new HashSet<int> { 0, 1, 2, 199 })); // 70 reached three viewers but was never sent
    }

    [Fact]
    public void Histogram_GivesPercentilesAndMaxOfSyntheticLatencies()
    {
        var h = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++) h.RecordMs(i); // 1 … 1000 ms, uniform

        Assert.Equal(1000, h.Count);
        Assert.InRange(h.PercentileMs(50), 499.9, 500.2);
        Assert.InRange(h.PercentileMs(99), 989.9, 990.2);
        Assert.InRange(h.MaxMs, 999.9, 1000.1);
        Assert.Equal(0, new LatencyHistogram().PercentileMs(99));
    }

    [Fact]
    public void Stats_FromSyntheticRun_ReportRatioRateAndLatency()
    {
        var ledger = new DeliveryLedger(viewers: 10, maxMessages: 100);
        var latency = new LatencyHistogram();
        var acked = Enumerable.Range(0, 100).ToList();
        for (var v = 0; v < 10; v++)
        {
            foreach (var m in acked.Where(m => !(v == 3 && m % 10 == 0))) // viewer 3 loses every tenth message
            {
                ledger.Deliver(v, m);
                latency.RecordMs(v == 9 && m == 99 ? 750 : 20);
            }
        }

        var stats = FanOutStats.From(ledger, latency, acked, seconds: 2);

        Assert.Equal(1000, stats.Expected);
        Assert.Equal(990, stats.Delivered);
        Assert.Equal(10, stats.Lost);
        Assert.Equal(495, stats.DeliveriesPerSecond);
        Assert.Equal(0.99, stats.DeliveredRatio, 3);
        Assert.InRange(stats.P99Ms, 19.9, 20.1);
        Assert.InRange(stats.MaxMs, 749.9, 750.1);
    }

    [Fact]
    public void Stamp_RoundTripsAndRejectsOtherText()
    {
        var now = Stopwatch.GetTimestamp();
        Assert.True(CommentStamp.TryParse(Encoding.UTF8.GetBytes(CommentStamp.Format(4711, now)), out var m, out var ts));
        Assert.Equal((4711, now), (m, ts));
        Assert.False(CommentStamp.TryParse("你好"u8, out _, out _));
        Assert.False(CommentStamp.TryParse("b|12|x"u8, out _, out _));
    }
}
