using Deliberation.Core.Consultations;
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
            var users = await db.Users.Where(u => u.UserName == "moderator" || u.UserName == "member" || u.UserName == "department").ToListAsync();
            var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
            var start = DateTimeOffset.UtcNow.AddMinutes(-5);
            var c = new Consultation
            {
                OrganizationId = org.Id, Title = $"测试协商 {Guid.NewGuid():N}"[..14], Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
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
                c.Participants.Add(new Participant { DisplayName = $"委员{i}", Tier = ParticipantTier.Member, HasVotingRight = true });
            }
            configure?.Invoke(c);
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
    }
}
