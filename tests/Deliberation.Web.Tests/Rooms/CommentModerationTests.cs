using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class CommentModerationTests(HubFactory hub)
{
    private sealed record Posted(Guid Id, string Status, string? FlagReason);

    [Fact]
    public async Task PublicComment_WaitsInTheQueue_AndAppearsForEveryoneOnceApproved()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "热心市民")).JoinAsync(room);

        var posted = await visitor.InvokeAsync<Posted>("PostComment", "建议增加财政补贴");
        Assert.Equal("Pending", posted.Status);
        await RoomTestClient.EventuallyAsync(() => moderator.QueueChanges.Any(q => q.ItemId == posted.Id && q.Change == "added"));
        var console = await moderator.InvokeAsync<ConsoleState>("GetConsoleState");
        Assert.Contains(console.Queue.Comments, c => c.Id == posted.Id);
        await Task.Delay(300);
        Assert.Empty(member.Events<CommentView>(RoomEventTypes.CommentShown));

        await moderator.InvokeAsync("ApproveComment", posted.Id);
        await RoomTestClient.EventuallyAsync(() => member.Events<CommentView>(RoomEventTypes.CommentShown).Any(c => c.Id == posted.Id));
        await RoomTestClient.EventuallyAsync(() => visitor.Events<CommentView>(RoomEventTypes.CommentShown).Any(c => c.Id == posted.Id));
        await RoomTestClient.EventuallyAsync(() => visitor.Notices.Any(n => n.Code == "comment.approved"));
    }

    [Fact]
    public async Task MemberComment_IsShownAtOnce_AndAModeratorCanHideIt()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);

        var posted = await member.InvokeAsync<Posted>("PostComment", "低层住户的补偿要有标准");
        Assert.Equal("Approved", posted.Status);
        await RoomTestClient.EventuallyAsync(() => moderator.Events<CommentView>(RoomEventTypes.CommentShown).Any(c => c.Id == posted.Id && c.Sector != null));

        await moderator.InvokeAsync("HideComment", new ModerateRequest(posted.Id, "重复"));
        await RoomTestClient.EventuallyAsync(() => member.Applied.Any(e => e.Type == RoomEventTypes.CommentRemoved));
        var stored = await hub.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == posted.Id));
        Assert.Equal(CommentStatus.Hidden, stored.Status);
    }

    [Fact]
    public async Task RejectedComment_TellsTheAuthorWhy_AndNeverReachesTheRoom()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "路人")).JoinAsync(room);
        var posted = await visitor.InvokeAsync<Posted>("PostComment", "广告信息");
        await moderator.InvokeAsync("RejectComment", new ModerateRequest(posted.Id, "与议题无关"));
        await RoomTestClient.EventuallyAsync(() => visitor.Notices.Any(n => n.Code == "comment.rejected" && n.Detail == "与议题无关"));
        Assert.DoesNotContain(moderator.Applied, e => e.Type == RoomEventTypes.CommentShown);
    }

    [Fact]
    public async Task SensitiveWord_SendsEvenAMembersCommentToTheQueue_WithTheMatchedWord()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.SensitiveWords = ["违禁词"]);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var posted = await member.InvokeAsync<Posted>("PostComment", "这里有个 违 禁 词");
        Assert.Equal("Pending", posted.Status);
        Assert.Equal("sensitive:违禁词", posted.FlagReason);
    }

    [Fact]
    public async Task ReportsReachingTheThreshold_HideTheCommentPendingReview()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.ReportThreshold = 2);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var a = await (await Person.VisitorAsync(hub, room, "甲")).JoinAsync(room);
        await using var b = await (await Person.VisitorAsync(hub, room, "乙")).JoinAsync(room);
        var posted = await member.InvokeAsync<Posted>("PostComment", "有争议的留言");

        await a.InvokeAsync("ReportComment", posted.Id);
        await a.InvokeAsync("ReportComment", posted.Id); // the same reporter twice counts once
        Assert.Equal(CommentStatus.Approved, (await hub.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == posted.Id))).Status);
        await b.InvokeAsync("ReportComment", posted.Id);

        await RoomTestClient.EventuallyAsync(() => a.Applied.Any(e => e.Type == RoomEventTypes.CommentRemoved));
        var console = await moderator.InvokeAsync<ConsoleState>("GetConsoleState");
        Assert.Contains(console.Queue.Comments, c => c.Id == posted.Id && c.Reports == 2);
    }

    [Fact]
    public async Task ABlockedVisitor_CannotPostAnyMore()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "刷屏者")).JoinAsync(room);
        await visitor.InvokeAsync<Posted>("PostComment", "第一条");
        await moderator.InvokeAsync("BlockParticipant", visitor.Joined.Me.Key, visitor.Joined.Me.Name);
        var ex = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<Posted>("PostComment", "第二条"));
        Assert.Contains(RoomErrors.Blocked, ex.Message);
    }

    [Fact]
    public async Task ScriptInAComment_IsStoredAndBroadcastAsPlainText()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var posted = await member.InvokeAsync<Posted>("PostComment", payload);
        await RoomTestClient.EventuallyAsync(() => member.Events<CommentView>(RoomEventTypes.CommentShown).Any(c => c.Id == posted.Id));
        Assert.Equal(payload, member.Events<CommentView>(RoomEventTypes.CommentShown).Single(c => c.Id == posted.Id).Text);
    }

    [Fact]
    public async Task PublicVisitors_AreHeldToTheCommentInterval()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PublicCommentIntervalSeconds = 3);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "心急的人")).JoinAsync(room);
        await visitor.InvokeAsync<Posted>("PostComment", "一");
        var ex = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<Posted>("PostComment", "二"));
        Assert.Contains(RoomErrors.RateLimited, ex.Message);
        Assert.Equal(1, await hub.WithDbAsync(db => db.Comments.CountAsync(c => c.ConsultationId == room)));
    }

    [Fact]
    public async Task TooLongAndEmptyComments_AreRefusedWithCodes()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<Posted>("PostComment", new string('长', 501)));
        Assert.Contains(RoomErrors.TooLong, tooLong.Message);
        var empty = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<Posted>("PostComment", "   "));
        Assert.Contains(RoomErrors.Empty, empty.Message);
    }

    [Fact]
    public async Task WatchOnlyRooms_LetThePublicWatchButNotComment()
    {
        var room = await LiveRooms.CreateAsync(hub, Deliberation.Core.Consultations.PublicAccess.Watch);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "旁听者")).JoinAsync(room);
        Assert.False(visitor.Joined.Me.MayInteract);
        var ex = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<Posted>("PostComment", "我想说"));
        Assert.Contains(RoomErrors.WatchOnly, ex.Message);
    }

    [Fact]
    public async Task ANamelessViewer_MayWatch_ButIsAskedForANameBeforeCommenting()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var anonymous = new Person(hub, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        await using var viewer = await anonymous.JoinAsync(room);
        Assert.False(viewer.Joined.Me.MayInteract);
        var ex = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync<Posted>("PostComment", "你好"));
        Assert.Contains(RoomErrors.NameRequired, ex.Message);
    }
}
