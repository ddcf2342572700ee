using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// Comments go through the per-room group committer (CommentWriter): many comments per transaction, with the same
/// guarantees as one action per transaction — gap-free sequences, nothing acknowledged, stored or broadcast unless
/// committed, every event seen once and in order, and the room's rules applied to each comment of a group.
/// </summary>
[Collection(HubCollection.Name)]
public class GroupCommitTests(HubFactory hub)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ConcurrentWritersOnTwoRooms_GetGapFreeSequences_OneEventPerShownComment()
    {
        var rooms = new[] { await OpenRoomAsync(), await OpenRoomAsync() };
        const int perRoom = 150;
        var posts = await Task.WhenAll(
            from room in rooms from i in Enumerable.Range(0, perRoom)
            select Task.Run(async () => (room.Id, Posted: (RoomCommands.PostedComment)(await PostAsync(room, DirectRoom.Visitor(i), $"留言{i}")).Value!)));

        foreach (var room in rooms)
        {
            var events = await hub.WithDbAsync(db => db.RoomEvents.AsNoTracking().Where(e => e.ConsultationId == room.Id).OrderBy(e => e.Seq).ToListAsync());
            Assert.Equal(Enumerable.Range(1, perRoom).Select(i => (long)i), events.Select(e => e.Seq));
            Assert.Equal(perRoom, await hub.WithDbAsync(db => db.RoomStreams.Where(s => s.ConsultationId == room.Id).Select(s => s.LastSeq).SingleAsync()));
            var ids = posts.Where(p => p.Id == room.Id).Select(p => p.Posted.Id).ToHashSet();
            Assert.Equal(perRoom, ids.Count);
            Assert.True(events.All(e => e.Type == RoomEventTypes.CommentShown));
            Assert.Equal(ids, events.Select(e => System.Text.Json.JsonSerializer.Deserialize<CommentView>(e.Payload, RoomUnit.Json)!.Id).ToHashSet());
            Assert.Equal(perRoom, await hub.WithDbAsync(db => db.Comments.CountAsync(c => c.ConsultationId == room.Id && c.Status == CommentStatus.Approved)));
        }
    }

    [Fact]
    public async Task AGroupWhoseTransactionDies_IsNeitherAcknowledgedNorStoredNorBroadcast()
    {
        var room = await OpenRoomAsync();
        await using var viewer = await (await Person.VisitorAsync(hub, room.Id, "看着的人")).JoinAsync(room.Id);
        await PostAsync(room, DirectRoom.Visitor(0), "一");

        // Hold the room's sequence row, so the next groups wait inside their statement, then cut their connections.
        var dataSource = hub.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var holder = await dataSource.OpenConnectionAsync())
        {
            await using var tx = await holder.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("""SELECT 1 FROM "RoomStreams" WHERE "ConsultationId" = $1 FOR UPDATE""", holder, tx))
            {
                lockRow.Parameters.Add(new NpgsqlParameter { Value = room.Id });
                await lockRow.ExecuteScalarAsync();
            }
            var doomed = Enumerable.Range(1, 6).Select(i => Task.Run(() => PostAsync(room, DirectRoom.Visitor(i), $"丢弃{i}"))).ToList();
            while (doomed.Any(t => !t.IsCompleted))
            {
                await TerminateWaitingWritersAsync(dataSource);
                await Task.Delay(50);
            }
            foreach (var t in doomed)
            {
                var refused = await Assert.ThrowsAsync<DomainException>(() => t);
                Assert.Equal(RoomErrors.TryAgain, refused.Code);
            }
            await tx.RollbackAsync();
        }
        await PostAsync(room, DirectRoom.Visitor(9), "二");

        Assert.Equal(["一", "二"], await hub.WithDbAsync(db => db.Comments.Where(c => c.ConsultationId == room.Id).OrderBy(c => c.CreatedAt).Select(c => c.Text).ToListAsync()));
        Assert.Equal([1L, 2L], await hub.WithDbAsync(db => db.RoomEvents.Where(e => e.ConsultationId == room.Id).OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync()));
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == 2);
        Assert.Equal(["一", "二"], viewer.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text));
    }

    [Fact]
    public async Task ViewersJoiningAndResumingMidBurst_SeeEveryGroupCommittedEventOnceInOrder()
    {
        var room = await OpenRoomAsync();
        await using var early = await (await Person.VisitorAsync(hub, room.Id, "一直在")).JoinAsync(room.Id);
        var dropping = await (await Person.VisitorAsync(hub, room.Id, "断线重连")).JoinAsync(room.Id);
        const int writers = 10, each = 30;
        var burst = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var author = DirectRoom.Visitor(w);
            for (var i = 0; i < each; i++) await PostAsync(room, author, $"{w}-{i}");
        })));
        await RoomTestClient.EventuallyAsync(() => early.LastSeq >= 40);
        await dropping.DropAsync();
        var late = await (await Person.VisitorAsync(hub, room.Id, "中途加入")).JoinAsync(room.Id);
        await dropping.ReconnectAsync();
        await burst;

        const int total = writers * each;
        foreach (var viewer in new[] { early, dropping, late })
        {
            await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == total, 10000);
        }
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), early.Applied.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), dropping.Applied.Select(e => e.Seq));
        // The late joiner drew the room as of its snapshot and applied every later event, each once, in order.
        var from = late.Joined.Snapshot!.Seq;
        Assert.Equal(Enumerable.Range((int)from + 1, total - (int)from).Select(i => (long)i), late.Applied.Select(e => e.Seq));
        var stored = await hub.WithDbAsync(db => db.Comments.Where(c => c.ConsultationId == room.Id).Select(c => c.Text).ToListAsync());
        Assert.Equal(stored.Order(), early.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text).Order());
        await dropping.DisposeAsync();
        await late.DisposeAsync();
    }

    private async Task<DirectRoom> OpenRoomAsync() =>
        (await DirectRoom.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false)).Room;

    private static Task<RoomResult> PostAsync(DirectRoom room, RoomActor actor, string text) =>
        room.RunAsync((c, r) => c.PostCommentAsync(r, actor, text, None));

    private static async Task TerminateWaitingWritersAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Comments"%'
            """);
        await cmd.ExecuteScalarAsync();
    }
}
