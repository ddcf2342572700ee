using Deliberation.Cluster.Tests.Infrastructure;

namespace Deliberation.Cluster.Tests;

/// <summary>A viewer that stops reading must not hold the room back, and must end with every event once, in order.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlowViewerTests(ClusterFixture cluster) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AViewerThatStopsReading_IsCutFromLiveSends_WhileOthersOnBothNodesReceiveEverything_ThenCatchesUpOnceInOrder()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.A, room, "长篇发言");
        await using var publisher = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room, cookie);
        await using var onA = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room);
        await using var onB = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room);
        await using var stalled = await StallingRoomClient.JoinAsync(cluster.A.Url, room);

        // About 450 KB of events: far more than the connection's bounded buffers (64 KB, Kestrel's and the sockets').
        const int count = 300;
        var filler = new string('言', 490);
        for (var i = 0; i < count; i++) await publisher.InvokeAsync<object>("PostComment", $"{i:D3}{filler}");

        // The stalled viewer reads nothing meanwhile, and the room's other viewers — on its node and the other — get everything.
        await Eventually(() => onA.CommentTexts.Count() == count && onB.CommentTexts.Count() == count, 30000);
        var last = onA.LastSeq;
        Assert.Equal(last, onB.LastSeq);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{i:D3}{filler}"), onB.CommentTexts);

        await stalled.ReadUntilAsync(last, TimeSpan.FromSeconds(20));
        Assert.True(stalled.WasCut, "the stalled viewer was never cut from live sends");
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), stalled.Applied);
    }

    private static async Task Eventually(Func<bool> condition, int timeoutMs)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in time");
            await Task.Delay(50);
        }
    }
}
