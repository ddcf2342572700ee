using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Tests.Security;

/// <summary>The big screen watches uncounted, so only the room's moderators may join as it (docs/realtime-api.md).</summary>
[Collection(SecurityCollection.Name)]
public class ScreenJoinTests(SecurityFactory hub)
{
    [Fact]
    public async Task AVisitor_CannotJoinAsTheBigScreen()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var visitor = new Client(hub);
        await visitor.TakeVisitorIdentityAsync(room, "想看大屏");
        await using var connection = await visitor.ConnectAsync();
        var ex = await Assert.ThrowsAsync<HubException>(() => Client.JoinAsync(connection, room, screen: true));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);
        await Client.JoinAsync(connection, room); // as a participant, counted, it may
    }

    [Fact]
    public async Task AMember_CannotJoinAsTheBigScreen()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var member = new Client(hub);
        await member.Http.SignInAsync(Demo.Member);
        await using var connection = await member.ConnectAsync();
        var ex = await Assert.ThrowsAsync<HubException>(() => Client.JoinAsync(connection, room, screen: true));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);
    }

    [Fact]
    public async Task TheModerator_OpensTheBigScreen()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var moderator = new Client(hub);
        await moderator.Http.SignInAsync(Demo.Moderator);
        await using var connection = await moderator.ConnectAsync();
        var joined = await Client.JoinAsync(connection, room, screen: true);
        Assert.True(joined.GetProperty("me").GetProperty("canModerate").GetBoolean());
    }
}
