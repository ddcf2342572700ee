using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class ResumeTests(HubFactory hub)
{
    [Fact]
    public async Task AViewerDroppedMidStream_ResumesWithEveryMissedEventExactlyOnceInOrder()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var publisher = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var viewer = await (await Person.VisitorAsync(hub, room, "断线的观众")).JoinAsync(room);

        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < 120; i++) await publisher.InvokeAsync<object>("PostComment", $"第{i}条");
        });
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq >= 20);
        await viewer.DropAsync();
        await Task.Delay(400); // comments keep flowing while the viewer is away
        await viewer.ReconnectAsync();
        await posting;

        var total = await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room));
        Assert.Equal(120, total);
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == total, 10000);
        var texts = viewer.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"第{i}条"), texts);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), viewer.Applied.Select(e => e.Seq));
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task SequenceNumbers_StayGapFreeWhenActionsFail()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await member.InvokeAsync<object>("PostComment", "一");
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => member.InvokeAsync<object>("PostComment", new string('x', 600)));
        await member.InvokeAsync<object>("PostComment", "二");
        var seqs = await hub.WithDbAsync(db => db.RoomEvents.Where(e => e.ConsultationId == room).OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        Assert.Equal([1L, 2L], seqs);
    }

    [Fact]
    public async Task AViewerThatLostTheLastBatch_NoticesFromThePresencePushAndResumes()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var publisher = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var viewer = await (await Person.VisitorAsync(hub, room, "漏了最后一批")).JoinAsync(room);

        await publisher.InvokeAsync<object>("PostComment", "一");
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == 1);
        // The viewer misses the last batch, as during a backplane outage, and no later event arrives to reveal the gap.
        viewer.LoseBatches = true;
        await publisher.InvokeAsync<object>("PostComment", "二");
        await Task.Delay(300);
        viewer.LoseBatches = false;

        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == 2, 6000);
        Assert.Equal(["一", "二"], viewer.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text));
    }
}
