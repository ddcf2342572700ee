using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Seed;

public sealed partial class DemoSeeder
{
    private async Task SeedSessionsAsync(DemoData data, Organization org, CancellationToken ct)
    {
        var taken = new HashSet<string>(await db.Consultations.Where(c => c.Status != ConsultationStatus.Archived).Select(c => c.RoomCode).ToListAsync(ct));
        var now = clock.GetUtcNow();
        var s = data.Session;
        var start = LocalDayAt(now, s.StartsInDays, s.StartHourLocal);
        var demo = new Consultation
        {
            OrganizationId = org.Id,
            Title = s.Title,
            Summary = s.Summary,
            Type = s.Type,
            Mode = s.Mode,
            Venue = s.Venue,
            HostName = s.HostName,
            PublicAccess = s.PublicAccess,
            StartsAt = start,
            EndsAt = start.AddMinutes(s.DurationMinutes),
            RoomCode = Take(taken),
            CreatedAt = now,
        };
        demo.MoveTo(ConsultationStatus.Scheduled, now);
        demo.Agenda = s.Agenda.Select((a, i) => new AgendaItem { Order = i + 1, Title = a.Title, Presenter = a.Presenter, DurationMinutes = a.Minutes }).ToList();
        await AddParticipantsAsync(data, org, demo, ct);
        db.Consultations.Add(demo);

        foreach (var o in data.OtherSessions)
        {
            var oStart = LocalDayAt(now, o.StartsInDays, 14);
            var other = new Consultation
            {
                OrganizationId = org.Id, Title = o.Title, Type = o.Type, Mode = o.Mode, Venue = o.Venue,
                PublicAccess = o.PublicAccess, StartsAt = oStart, EndsAt = oStart.AddHours(2), RoomCode = Take(taken),
                HostName = s.HostName, CreatedAt = now,
            };
            foreach (var step in PathTo(o.Status)) other.MoveTo(step, oStart);
            db.Consultations.Add(other);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AddParticipantsAsync(DemoData data, Organization org, Consultation demo, CancellationToken ct)
    {
        var s = data.Session;
        var users = await db.Users.Where(u => u.OrganizationId == org.Id).ToListAsync(ct);
        var moderator = users.Single(u => u.UserName == UserNameWithRole(data, Roles.Moderator));
        demo.Participants.Add(new Participant { DisplayName = moderator.DisplayName, Tier = ParticipantTier.Moderator, UserId = moderator.Id });

        var memberUser = users.SingleOrDefault(u => u.MemberId != null);
        var members = await db.Members.AsNoTracking().Include(m => m.Sector).Where(m => m.OrganizationId == org.Id)
            .OrderBy(m => m.Id == memberUser!.MemberId ? 0 : 1).ThenBy(m => m.FullName).Take(s.MemberParticipants).ToListAsync(ct);
        foreach (var m in members)
        {
            demo.Participants.Add(new Participant
            {
                DisplayName = m.FullName, Tier = ParticipantTier.Member, MemberId = m.Id, UserId = m.UserId,
                Affiliation = m.Sector?.Name, HasVotingRight = true,
            });
        }
        var departments = await db.Departments.Where(d => d.OrganizationId == org.Id).ToDictionaryAsync(d => d.Name, ct);
        var departmentUser = users.SingleOrDefault(u => u.DepartmentId != null);
        foreach (var d in s.DepartmentParticipants)
        {
            var dept = departments[d.Department];
            demo.Participants.Add(new Participant
            {
                DisplayName = d.Name, Tier = ParticipantTier.Department, DepartmentId = dept.Id,
                Affiliation = $"{d.Department} {d.Title}",
                UserId = departmentUser?.DepartmentId == dept.Id ? departmentUser.Id : null,
            });
        }
        foreach (var p in s.Invited) demo.Participants.Add(new Participant { DisplayName = p.Name, Tier = ParticipantTier.Invited, Affiliation = p.Affiliation });
        foreach (var p in s.Experts) demo.Participants.Add(new Participant { DisplayName = p.Name, Tier = ParticipantTier.Expert, Affiliation = p.Affiliation });
        foreach (var p in s.Public) demo.Participants.Add(new Participant { DisplayName = p.Name, Tier = ParticipantTier.Public });
    }

    private static IEnumerable<ConsultationStatus> PathTo(ConsultationStatus target)
    {
        ConsultationStatus[] path = [ConsultationStatus.Scheduled, ConsultationStatus.Live, ConsultationStatus.Ended, ConsultationStatus.Archived];
        return target == ConsultationStatus.Draft ? [] : path.Take(Array.IndexOf(path, target) + 1);
    }

    /// <summary>A day relative to today, at a given hour of Beijing time.</summary>
    private static DateTimeOffset LocalDayAt(DateTimeOffset now, int days, int hour)
    {
        var local = now.ToOffset(ChinaOffset).Date.AddDays(days).AddHours(hour);
        return new DateTimeOffset(local, ChinaOffset).ToUniversalTime();
    }

    private static string Take(HashSet<string> taken)
    {
        var code = RoomCodes.Allocate(taken);
        taken.Add(code);
        return code;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo body {Name}")]
    private static partial void LogSeeded(ILogger logger, string name);
}
