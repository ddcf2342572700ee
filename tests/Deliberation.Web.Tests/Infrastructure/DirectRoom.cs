using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// Calls the room's rules (<see cref="RoomCommands"/>) straight, each call in its own DI scope — its own DbContext
/// and connection — so concurrent calls are concurrent clients as far as PostgreSQL can tell.
/// </summary>
public sealed class DirectRoom(HubFactory hub, Guid roomId)
{
    public Guid Id => roomId;

    public static readonly RoomActor Moderator = new("u:direct-moderator", "主持人", ParticipantTier.Moderator, null, null, null, true, true, true);

    /// <summary>A room with <paramref name="voters"/> members with voting rights, all checked in.</summary>
    public static async Task<(DirectRoom Room, IReadOnlyList<RoomActor> Voters)> CreateAsync(HubFactory hub, int voters = 0, bool live = true,
        Action<Consultation>? configure = null)
    {
        var id = await LiveRooms.CreateAsync(hub, live: live, extraVoters: voters, configure: configure);
        var actors = await hub.WithDbAsync(async db =>
        {
            await db.Participants.Where(p => p.ConsultationId == id && p.UserId == null && p.HasVotingRight)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CheckedInAt, DateTimeOffset.UtcNow));
            return await db.Participants.Where(p => p.ConsultationId == id && p.UserId == null && p.HasVotingRight).OrderBy(p => p.DisplayName)
                .Select(p => new RoomActor("p:" + p.Id.ToString(), p.DisplayName, ParticipantTier.Member, p.Id, null, null, false, true, true))
                .ToListAsync();
        });
        return (new DirectRoom(hub, id), actors);
    }

    /// <summary>A public visitor who may interact.</summary>
    public static RoomActor Visitor(int n) => new(RoomActor.VisitorKey(Guid.NewGuid()), $"访客{n}", ParticipantTier.Public, null, null, null, false, true, false);

    public async Task<RoomResult> RunAsync(Func<RoomCommands, Guid, Task<RoomResult>> call)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        // As the hub does once RoomAccess admitted the caller, the call acts within the room's organisation.
        var org = await hub.WithDbAsync(db => db.Consultations.Where(c => c.Id == roomId).Select(c => c.OrganizationId).SingleAsync());
        scope.ServiceProvider.GetRequiredService<OrgScope>().ActFor(org);
        return await call(scope.ServiceProvider.GetRequiredService<RoomCommands>(), roomId);
    }
}
