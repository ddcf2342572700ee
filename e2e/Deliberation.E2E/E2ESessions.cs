using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

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

    public static HubDbContext NewDb() => new(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Creates a session (live unless <paramref name="live"/> is false) and returns its id and room code.</summary>
    /// <param name="access">What the public may do.</param>
    /// <param name="live">Start it live; otherwise scheduled, for a test that presses 开始直播.</param>
    /// <param name="extraVoters">Members with voting rights who are not accounts (they count towards the quorum).</param>
    /// <param name="configure">Changes to the session or its room rules before it is saved.</param>
    public static async Task<E2ESession> CreateAsync(PublicAccess access = PublicAccess.Interact, bool live = true, int extraVoters = 0,
        Action<Consultation>? configure = null)
    {
        await using var db = NewDb();
        var users = await db.Users.Where(u => u.UserName == "moderator" || u.UserName == "member" || u.UserName == "department").ToListAsync();
        var orgId = users.Single(u => u.UserName == "moderator").OrganizationId ?? throw new InvalidOperationException("moderator has no organisation");
        var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var c = new Consultation
        {
            OrganizationId = orgId, Title = $"浏览器测试协商 {Guid.NewGuid():N}"[..16], Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
            StartsAt = start, EndsAt = start.AddHours(2), RoomCode = RoomCodes.Allocate(taken), PublicAccess = access,
        };
        c.Room.PublicCommentIntervalSeconds = 0;
        c.MoveTo(ConsultationStatus.Scheduled, start);
        if (live) c.MoveTo(ConsultationStatus.Live, start);
        foreach (var u in users)
        {
            var tier = u.UserName switch { "moderator" => ParticipantTier.Moderator, "member" => ParticipantTier.Member, _ => ParticipantTier.Department };
            c.Participants.Add(new Participant
            {
                DisplayName = u.DisplayName, Tier = tier, UserId = u.Id, MemberId = u.MemberId, DepartmentId = u.DepartmentId,
                HasVotingRight = tier == ParticipantTier.Member,
            });
        }
        for (var i = 0; i < extraVoters; i++)
        {
            c.Participants.Add(new Participant { DisplayName = $"委员{i + 1}", Tier = ParticipantTier.Member, HasVotingRight = true });
        }
        configure?.Invoke(c);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
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
