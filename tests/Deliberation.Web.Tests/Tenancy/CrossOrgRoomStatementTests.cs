using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>
/// The room's raw statements (the group-committed post, the cached room settings, the locking read of room writes)
/// are limited to the caller's organisation like every EF query: acting for another body, the room is not there.
/// </summary>
[Collection(HubCollection.Name)]
public class CrossOrgRoomStatementTests(HubFactory hub)
{
    [Fact]
    public async Task PostAskAndAnnounce_ActingForAnotherBody_FindNoRoom_AndChangeNothing()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub);
        var county = await hub.WithDbAsync(db => db.Organizations.Where(o => o.Name == County.Name).Select(o => o.Id).SingleAsync());
        await using var scope = hub.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().ActFor(county);
        var commands = scope.ServiceProvider.GetRequiredService<RoomCommands>();

        var refused = new[]
        {
            await Assert.ThrowsAsync<DomainException>(() => commands.PostCommentAsync(room.Id, DirectRoom.Visitor(1), "跨区留言", CancellationToken.None)),
            await Assert.ThrowsAsync<DomainException>(() => commands.AskQuestionAsync(room.Id, DirectRoom.Visitor(2), "跨区提问", CancellationToken.None)),
            await Assert.ThrowsAsync<DomainException>(() => commands.AnnounceAsync(room.Id, DirectRoom.Moderator, "跨区公告", CancellationToken.None)),
        };

        Assert.All(refused, e => Assert.Equal(RoomErrors.NotFound, e.Code));
        var (comments, questions, announcement) = await hub.WithDbAsync(async db => (
            await db.Comments.CountAsync(c => c.ConsultationId == room.Id),
            await db.Questions.CountAsync(q => q.ConsultationId == room.Id),
            await db.Consultations.Where(c => c.Id == room.Id).Select(c => c.Room.Announcement).SingleAsync()));
        Assert.Equal((0, 0, null), (comments, questions, announcement));

        // Acting for its own body, the same calls go through.
        var own = await room.RunAsync((c, id) => c.PostCommentAsync(id, DirectRoom.Visitor(3), "本会留言", CancellationToken.None));
        Assert.Single(await hub.WithDbAsync(db => db.Comments.Where(c => c.ConsultationId == room.Id).ToListAsync()));
        Assert.NotNull(own.Value);
    }
}
