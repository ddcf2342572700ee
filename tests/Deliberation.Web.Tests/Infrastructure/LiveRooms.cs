using Deliberation.Core.Consultations;
using Deliberation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>Makes a fresh live session for a test: the demo moderator, member and department accounts registered in it.</summary>
public static class LiveRooms
{
    public static async Task<Guid> CreateAsync(HubFactory hub, PublicAccess access = PublicAccess.Interact, Action<Consultation>? configure = null,
        bool live = true, int extraVoters = 0)
    {
        return await hub.WithDbAsync(async db =>
        {
            var org = await db.Organizations.OrderBy(o => o.Level).Skip(1).FirstAsync();
            return (await TestSessions.CreateAsync(db, org.Id, access, live, extraVoters, configure)).Id;
        });
    }
}
