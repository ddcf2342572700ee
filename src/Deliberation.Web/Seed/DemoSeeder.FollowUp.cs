using Deliberation.Core.Auditing;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Seed;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Outcome items of the ended demo session in several states, walked through the real workflow with back-dated
    /// times so the timelines read naturally. Skipped once the body has any outcome item.
    /// </summary>
    private async Task SeedFollowUpAsync(DemoData data, Organization org, CancellationToken ct)
    {
        if (data.FollowUp is not { } f || await db.OutcomeItems.AnyAsync(i => i.OrganizationId == org.Id, ct)) return;
        var session = await db.Consultations.Where(c => c.OrganizationId == org.Id && c.Title == f.Session).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var departments = await db.Departments.Where(d => d.OrganizationId == org.Id).ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var members = (await db.Members.Where(m => m.OrganizationId == org.Id).Select(m => new { m.FullName, m.Id }).ToListAsync(ct))
            .DistinctBy(m => m.FullName).ToDictionary(m => m.FullName, m => m.Id);
        var accounts = await db.Users.Where(u => u.OrganizationId == org.Id).ToListAsync(ct);
        var staff = Person(accounts, UserNameWithRole(data, Core.Accounts.Roles.Staff));
        var leader = Person(accounts, UserNameWithRole(data, Core.Accounts.Roles.Leader));
        var now = clock.GetUtcNow();

        foreach (var o in f.Items)
        {
            var t = now.AddDays(-19);
            var lead = departments[o.Department];
            var handler = accounts.FirstOrDefault(u => u.DepartmentId == lead) is { } u ? new Actor(u.Id, u.DisplayName) : new Actor(null, o.Department);
            var item = new OutcomeItem
            {
                OrganizationId = org.Id, Title = o.Title, Text = o.Text, Category = o.Category, Source = o.Source,
                ConsultationId = o.Source == OutcomeSource.Minutes ? session : null, RecommendationNumber = o.Number,
                IsPublic = o.IsPublic, ProposedDepartmentId = lead, CreatedAt = t, UpdatedAt = t,
            };
            item.Proposers = o.Proposers.Where(members.ContainsKey)
                .Select(n => new OutcomeProposer { ItemId = item.Id, MemberId = members[n], Name = n }).ToList();
            item.Events.Add(new FollowUpEvent { ItemId = item.Id, Round = 1, Kind = FollowUpEventKind.Created, To = FollowUpStatus.Pending, At = t, ActorId = staff.UserId, ActorName = staff.Name, IsPublic = true });
            Walk(item, o, f.ContactSummary, lead, departments, staff, leader, handler, ref t, now);
            foreach (var e in item.Events)
            {
                AuditLog.Record(db, new Actor(e.ActorId, e.ActorName), $"followup.{e.Kind.ToString().ToLowerInvariant()}", nameof(OutcomeItem), item.Id,
                    e.From is null ? null : new { Status = e.From }, new { Status = e.To, e.Round, e.Text }, e.At);
            }
            db.OutcomeItems.Add(item);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Walk(OutcomeItem item, DemoOutcome o, string contactSummary, Guid lead, Dictionary<string, Guid> departments,
        Actor staff, Actor leader, Actor handler, ref DateTimeOffset t, DateTimeOffset now)
    {
        if (o.State == FollowUpStatus.Pending) return;
        item.Submit(staff, t = t.AddDays(1));
        if (o.Instruction is not null) item.Instruct(o.Instruction, leader, t = t.AddDays(1));
        if (o.State is FollowUpStatus.Submitted or FollowUpStatus.Instructed) return;
        var coHandlers = o.CoHandlers.Select(n => departments[n]).ToList();
        item.Assign(new AssignmentDraft(lead, coHandlers, LocalDayAt(now, o.DueInDays, 17), null), o.Department, staff, t = t.AddDays(1));
        if (o.State == FollowUpStatus.Assigned)
        {
            item.MarkOverdue(now);
            return;
        }
        item.Accept(handler, t = t.AddDays(1));
        foreach (var p in o.Progress) item.ReportProgress(p.Percent, p.Note, p.Public, handler, t = t.AddDays(2));
        item.MarkOverdue(now);
        if (o.State == FollowUpStatus.InProgress || o.Reply is null) return;
        var contact = new ReplyDraft(o.Reply, ContactMethod.Phone, t = t.AddDays(1), contactSummary);
        item.Reply(contact, handler, t = t.AddDays(1));
        if (o.Verdict is not { } verdict) return;
        foreach (var p in item.Proposers)
        {
            item.Rate(p.MemberId, new RatingDraft(verdict, verdict, verdict, verdict, null), FollowUpPolicy.Default, new Actor(null, p.Name), t = t.AddDays(1));
        }
    }

    private static Actor Person(List<Core.Accounts.AppUser> accounts, string userName) =>
        accounts.FirstOrDefault(a => a.UserName == userName) is { } a ? new Actor(a.Id, a.DisplayName) : Actor.System;
}
