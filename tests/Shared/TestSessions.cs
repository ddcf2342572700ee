using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Testing;

/// <summary>
/// A fresh session for one test, written straight into the database: the demo moderator, member (with voting right)
/// and department accounts are registered in it. Shared by the integration and the browser tests (linked source).
/// </summary>
public static class TestSessions
{
    public static async Task<Consultation> CreateAsync(HubDbContext db, Guid organizationId, PublicAccess access = PublicAccess.Interact,
        bool live = true, int extraVoters = 0, Action<Consultation>? configure = null, string titlePrefix = "测试协商")
    {
        var users = await db.Users.Where(u => u.UserName == "moderator" || u.UserName == "member" || u.UserName == "department").ToListAsync();
        var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var c = new Consultation
        {
            OrganizationId = organizationId, Title = $"{titlePrefix} {Guid.NewGuid():N}"[..(titlePrefix.Length + 10)],
            Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
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
        return c;
    }
}
