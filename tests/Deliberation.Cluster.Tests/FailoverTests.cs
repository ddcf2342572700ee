using Deliberation.Cluster.Tests.Infrastructure;
using static Deliberation.Cluster.Tests.Infrastructure.Waits;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Cluster.Tests;

/// <summary>Two real nodes, their own Redis and PostgreSQL; pieces fail mid-session and clients must end whole.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(ClusterFixture cluster) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureUpAsync();

    public Task DisposeAsync() => cluster.EnsureUpAsync();

    [Fact]
    public async Task ACommentPostedOnNodeA_ReachesViewersOnNodeB()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.A, room, "甲节点");
        await using var publisher = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room, cookie);
        await using var viewer = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room);

        await publisher.InvokeAsync<object>("PostComment", "跨节点的留言");

        await Eventually(() => viewer.CommentTexts.Contains("跨节点的留言"), 5000);
        Assert.Equal(cluster.B.Url, viewer.ConnectedTo);
        Assert.Equal(0, viewer.Reconnects);
    }

    [Fact]
    public async Task PresenceCountsTheWholeRoom_AndAVisitorCookieFromNodeAWorksOnNodeB()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.A, room, "乙节点发言");
        await using var onA = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room);
        await using var onA2 = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room);
        await using var onB = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room, cookie);

        await Eventually(() => onA.PresenceTotal == 3 && onB.PresenceTotal == 3, 6000);
        // Posting needs the named visitor, read from a cookie that node A signed: the keys are shared.
        await onB.InvokeAsync<object>("PostComment", "同一把钥匙");
        await Eventually(() => onA.CommentTexts.Contains("同一把钥匙"), 5000);
    }

    [Fact]
    public async Task NodeAKilledMidSession_ItsClientsMoveToNodeB_AndEndWithEveryAcknowledgedEventOnceInOrder()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.B, room, "发言人");
        var viewersOnA = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ClusterRoomClient.ConnectAsync(cluster.LiveNodes, 0, room)));
        var viewerOnB = await ClusterRoomClient.ConnectAsync(cluster.LiveNodes, 1, room);
        await using var publisher = await ClusterRoomClient.ConnectAsync(cluster.LiveNodes, 0, room, cookie);

        var acked = await PostWhileAsync(publisher, async () =>
        {
            await Task.Delay(800);
            cluster.A.Kill();
            await Task.Delay(2500);
        });

        var all = viewersOnA.Append(viewerOnB).ToList();
        var total = await cluster.Postgres.QueryAsync<long>(ClusterFixture.Database,
            "SELECT count(*) FROM \"RoomEvents\" WHERE \"ConsultationId\" = @room", room);
        await Eventually(() => all.All(v => v.LastSeq == total), 15000);
        foreach (var v in all)
        {
            Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), v.Applied.Select(e => e.Seq));
            AssertContainsInOrder(acked, v.CommentTexts.ToList());
        }
        Assert.All(viewersOnA, v => Assert.Equal(cluster.B.Url, v.ConnectedTo));
        Assert.True(acked.Count > 20, $"only {acked.Count} comments acknowledged");
        foreach (var v in all) await v.DisposeAsync();
    }

    [Fact]
    public async Task RedisRestartedMidSession_NodesReconnect_AndClientsCatchUpFromPostgres()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.A, room, "红");
        var viewers = new[]
        {
            await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room), await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room),
        };
        await using var publisher = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room, cookie);

        var acked = await PostWhileAsync(publisher, async () =>
        {
            await Task.Delay(600);
            await cluster.Redis.RestartAsync(TimeSpan.FromSeconds(1));
            await Task.Delay(1500);
        });

        var total = await cluster.Postgres.QueryAsync<long>(ClusterFixture.Database,
            "SELECT count(*) FROM \"RoomEvents\" WHERE \"ConsultationId\" = @room", room);
        await Eventually(() => viewers.All(v => v.LastSeq == total), 20000);
        foreach (var v in viewers)
        {
            Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), v.Applied.Select(e => e.Seq));
            AssertContainsInOrder(acked, v.CommentTexts.ToList());
        }
        // The backplane carries new events again, across nodes.
        await publisher.InvokeAsync<object>("PostComment", "恢复之后");
        await Eventually(() => viewers.All(v => v.CommentTexts.Contains("恢复之后")), 10000);
        foreach (var v in viewers) await v.DisposeAsync();
    }

    [Fact]
    public async Task PostgresBrieflyAway_ActionsSayTryAgain_NothingHalfApplied_AndTheRoomRecoversByItself()
    {
        var room = await cluster.CreateRoomAsync();
        var cookie = await ClusterFixture.VisitorCookieAsync(cluster.A, room, "库");
        await using var publisher = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 0, room, cookie);
        await using var viewer = await ClusterRoomClient.ConnectAsync(cluster.Nodes, 1, room);
        await publisher.InvokeAsync<object>("PostComment", "之前");

        await cluster.Postgres.StopAsync();
        var failures = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<HubException>(() => publisher.InvokeAsync<object>("PostComment", $"停机中{i}"));
            failures.Add(error.Message);
        }
        await cluster.Postgres.StartAsync();

        Assert.All(failures, m => Assert.Contains("room.try_again", m));
        // Recovers without restarting nodes: the first calls after the restart may still meet a dead pooled connection.
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await publisher.InvokeAsync<object>("PostComment", "之后");
                break;
            }
            catch (HubException ex) when (ex.Message.Contains("room.try_again") && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }

        var comments = await cluster.Postgres.QueryAsync<long>(ClusterFixture.Database,
            "SELECT count(*) FROM \"Comments\" WHERE \"ConsultationId\" = @room", room);
        var events = await cluster.Postgres.QueryAsync<long>(ClusterFixture.Database,
            "SELECT count(*) FROM \"RoomEvents\" WHERE \"ConsultationId\" = @room AND \"Type\" = 'CommentShown'", room);
        var lastSeq = await cluster.Postgres.QueryAsync<long>(ClusterFixture.Database,
            "SELECT \"LastSeq\" FROM \"RoomStreams\" WHERE \"ConsultationId\" = @room", room);
        Assert.Equal(2, comments);
        Assert.Equal(2, events);
        Assert.Equal(2, lastSeq);
        await Eventually(() => viewer.LastSeq == 2, 10000);
        Assert.Equal(["之前", "之后"], viewer.CommentTexts);
    }

    /// <summary>Posts numbered comments every 15 ms while <paramref name="trouble"/> runs; returns those acknowledged.</summary>
    private static async Task<List<string>> PostWhileAsync(ClusterRoomClient publisher, Func<Task> trouble)
    {
        var acked = new List<string>();
        using var stop = new CancellationTokenSource();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    if (publisher.Connected)
                    {
                        await publisher.InvokeAsync<object>("PostComment", $"第{i}条");
                        acked.Add($"第{i}条");
                    }
                }
                catch (Exception)
                {
                    // not acknowledged: may or may not have committed, and either is fine
                }
                await Task.Delay(15);
            }
        });
        await trouble();
        await stop.CancelAsync();
        await posting;
        return acked;
    }

    private static void AssertContainsInOrder(List<string> acked, List<string> seen)
    {
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var position = seen.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var last = -1;
        foreach (var text in acked)
        {
            Assert.True(position.TryGetValue(text, out var at), $"acknowledged comment {text} never arrived");
            Assert.True(at > last, $"{text} out of order");
            last = at;
        }
    }
}
