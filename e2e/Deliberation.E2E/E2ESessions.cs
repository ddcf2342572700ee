using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Testing;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.E2E;

/// <summary>
/// A fresh session for one browser test, written straight into the e2e database (<c>E2E_PG</c>) so that tests never
/// share, end or fill the demo session. The demo moderator, member and department accounts are registered in it;
/// what the test then does, it does through the pages.
/// </summary>
public static class E2ESessions
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("E2E_PG")
        ?? throw new InvalidOperationException("E2E_PG is not set: run the tests with ./hub test");

    public static HubDbContext NewDb() => new(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(ConnectionString).Options)
        { Tenancy = OrgScope.ForSystem("test arrange/assert") };

    /// <summary>Creates a session (live unless <paramref name="live"/> is false) and returns its id and room code.</summary>
    /// <param name="access">What the public may do.</param>
    /// <param name="live">Start it live; otherwise scheduled, for a test that presses 开始直播.</param>
    /// <param name="extraVoters">Members with voting rights who are not accounts (they count towards the quorum).</param>
    /// <param name="configure">Changes to the session or its room rules before it is saved.</param>
    public static async Task<E2ESession> CreateAsync(PublicAccess access = PublicAccess.Interact, bool live = true, int extraVoters = 0,
        Action<Consultation>? configure = null)
    {
        await using var db = NewDb();
        var orgId = await db.Users.Where(u => u.UserName == "moderator").Select(u => u.OrganizationId).SingleAsync()
            ?? throw new InvalidOperationException("moderator has no organisation");
        var c = await TestSessions.CreateAsync(db, orgId, access, live, extraVoters, configure, "浏览器测试协商");
        return new E2ESession(c.Id, c.RoomCode, c.Title);
    }
}

/// <summary>A session made for a test, with its page addresses.</summary>
public sealed record E2ESession(Guid Id, string RoomCode, string Title)
{
    public string Room => $"/s/{Id}/room";
    public string Console => $"/s/{Id}/console";
    public string Screen => $"/s/{Id}/screen";
    public string Detail => $"/s/{Id}";
}
