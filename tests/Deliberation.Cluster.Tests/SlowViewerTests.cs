using Deliberation.Cluster.Tests.Infrastructure;
using static Deliberation.Cluster.Tests.Infrastructure.Waits;

namespace Deliberation.Cluster.Tests;

/// <summary>
/// A viewer that stops reading must not hold the room back, and must end with every event once, in order. Over
/// loopback the kernel's send buffer grows to 4 MB (tcp_wmem), so a test-sized stream does not reach the server's own
/// 64 KB bound here; the cut itself (skip, resume, close) is shown on real SignalR connections by RoomFanoutTests.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SlowViewerTests(ClusterFixture cluster) : IAsyncLifetime
{
    private const int Count = 600;
    private const int Publishers = 5;

    public Task InitializeAsync() => cluster.EnsureUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AViewerThatStopsReading_DoesNotHoldBackViewersOnEitherNode_AndThenCatchesUpOnceInOrder()
    {
        var room = await cluster.CreateRoomAsync();
        var publishers = new List<ClusterRoomClient>();
        for (var p = 0; p < Publishers; p++)
        {
            publishers.Add(await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room, await ClusterFixture.VisitorCookieAsync(cluster.A, room, $"长篇发言{p}")));
        }
        await using var onA = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room);
        await using var onB = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room);
        await using var stalled = await StallingRoomClient.JoinAsync(cluster.A.Url, room);

        // About 900 KB of events, far more than the stalled viewer's 4 KB receive window.
        var filler = new string('言', 490);
        await Task.WhenAll(publishers.Select((publisher, p) => Task.Run(async () =>
        {
            for (var i = p; i < Count; i += Publishers) await publisher.InvokeAsync<object>("PostComment", $"{i:D4}{filler}");
        })));

        // The stalled viewer reads nothing meanwhile, and the room's other viewers — on its node and the other — get everything.
        await Eventually(() => onA.CommentTexts.Count() == Count && onB.CommentTexts.Count() == Count, 90000);
        var last = onA.LastSeq;
        Assert.Equal(last, onB.LastSeq);
        Assert.Equal(onA.CommentTexts, onB.CommentTexts);
        Assert.Equal(Count, onB.CommentTexts.Distinct().Count());
        foreach (var publisher in publishers) await publisher.DisposeAsync();

        await stalled.ReadUntilAsync(last, TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), stalled.Applied);
    }
}
