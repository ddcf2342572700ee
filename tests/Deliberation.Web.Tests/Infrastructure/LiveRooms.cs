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
            // The demo body the demo accounts work for (moderation counts only in one's own body's sessions).
            var org = await db.Users.Where(u => u.UserName == Demo.Staff.User).Select(u => u.OrganizationId!.Value).SingleAsync();
            return (await TestSessions.CreateAsync(db, org, access, live, extraVoters, configure)).Id;
        });
    }
}
