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
        Assert.Equal(3, ledger.Missing(acked)); // viewer 1 missed 1, 2 and 199
        Assert.Equal(0, ledger.Unexpected(acked.ToHashSet()));
        Assert.Equal(3, ledger.Unexpected(new HashSet<int> { 0, 1, 2, 199 })); // 70 reached three viewers but was never sent
    }

    [Fact]
    public void Classify_SeparatesStillQueuedFromNoLongerArriving()
    {
        // Messages 0..3 went out as room events 10..13; message 4 was acknowledged but no viewer got it yet.
        var ledger = new DeliveryLedger(viewers: 4, maxMessages: 10);
        for (var m = 0; m < 4; m++) ledger.Deliver(0, m, 10 + m);   // viewer 0 is complete up to 13
        ledger.Deliver(1, 0, 10);
        ledger.Deliver(1, 2, 12);                                   // viewer 1 skipped 11: it passed it, so 1 is lost
        ledger.Deliver(2, 0, 10);                                   // viewer 2 is behind: 1..3 may still come
        ledger.Deliver(3, 0, 10);
        ledger.Closed(3);                                           // viewer 3's connection ended: 1..3 cannot come
        int[] acked = [0, 1, 2, 3, 4];

        var unknownEnd = ledger.Classify(acked, streamEnd: 0);
        Assert.Equal(1 + 4, unknownEnd.Lost);                       // v1: 1; v3: 1..4 (closed)
        Assert.Equal(1 + 2 + 4, unknownEnd.Undelivered);            // v0: 4; v1: 3, 4; v2: 1..4 (4's number unknown)

        ledger.Seen(0, 14);                                         // viewer 0 got the room's last event (a non-comment)
        var known = ledger.Classify(acked, streamEnd: 14);
        Assert.Equal(unknownEnd.Lost + 1, known.Lost);              // now message 4 has passed viewer 0
        Assert.Equal(unknownEnd.Total, known.Total);
        Assert.Equal(known.Total, ledger.Missing(acked));
    }

    [Fact]
    public void AckTracker_MeasuresLatencyAndCommitRate()
    {
        var f = Stopwatch.Frequency;
        var acks = new AckTracker(capacity: 100);
        for (var i = 1; i <= 10; i++) acks.Sent(i, 1000 + i * f / 10);            // 10 calls, one every 100 ms
        for (var i = 1; i <= 10; i++) Assert.True(acks.Ack(i, 1000 + i * f / 10 + f / 50)); // each answered 20 ms later
        Assert.False(acks.Ack(3, 5 * f));                                           // a repeated answer counts once
        Assert.False(acks.Ack(42, 5 * f));                                          // never sent

        Assert.Equal(10, acks.Acked);
        Assert.InRange(acks.Latency.PercentileMs(99), 19.9, 20.1);
        Assert.InRange(acks.PerSecond, 10 / 0.92 - 0.01, 10 / 0.92 + 0.01);        // 10 acks from t=0.1 s to t=1.02 s
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
        Assert.Equal(10, stats.Undelivered); // no sequence numbers and no stream end: nothing proves them lost
        Assert.Equal(0, stats.Lost);
        Assert.Equal(495, stats.DeliveriesPerSecond);
        Assert.Equal(0.99, stats.DeliveredRatio, 3);
        Assert.InRange(stats.P99Ms, 19.9, 20.1);
        Assert.InRange(stats.MaxMs, 749.9, 750.1);
    }

    [Fact]
    public void Scanner_FindsEveryStampWithItsEventNumber_InEachServersShape()
    {
        var hub = "{\"type\":1,\"target\":\"EventsReceived\",\"arguments\":[{\"roomId\":\"r\",\"events\":["
            + "{\"seq\":41,\"type\":\"CommentShown\",\"at\":\"t\",\"data\":{\"id\":\"x\",\"text\":\"b|7|1000\",\"replyToSeq\":3}},"
            + "{\"seq\":42,\"type\":\"PresenceChanged\",\"data\":{\"text\":\"你好 \\\"quoted\\\"\"}},"
            + "{\"seq\":43,\"type\":\"CommentShown\",\"data\":{\"text\":\"b|8|2000\"}}]}]}";
        var found = new List<(long Seq, int Message, long SentAt)>();
        var highest = StampScanner.Scan(Encoding.UTF8.GetBytes(hub), ref found,
            static (ref List<(long, int, long)> f, long seq, int message, long sentAt) => f.Add((seq, message, sentAt)));
        Assert.Equal([(41L, 7, 1000L), (43L, 8, 2000L)], found);
        Assert.Equal(43, highest);

        var socketIo = "[\"events\",{\"roomId\":\"bench\",\"events\":[{\"seq\":5,\"type\":\"CommentShown\",\"data\":{\"text\":\"b|4|99\"}}]}]";
        found.Clear();
        Assert.Equal(5, StampScanner.Scan(Encoding.UTF8.GetBytes(socketIo), ref found,
            static (ref List<(long, int, long)> f, long seq, int message, long sentAt) => f.Add((seq, message, sentAt))));
        Assert.Equal([(5L, 4, 99L)], found);

        found.Clear();
        Assert.Equal(0, StampScanner.Scan("{\"text\":\"b|1|2"u8, ref found,                 // cut off mid-string: nothing
            static (ref List<(long, int, long)> f, long seq, int message, long sentAt) => f.Add((seq, message, sentAt))));
        Assert.Empty(found);
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
