using System.Globalization;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>The weekly bulletin (周通报) for staff: open, overdue, due this week, closed last week; once per ISO week.</summary>
[AutomaticRetry(Attempts = 2)]
public sealed class WeeklyDigestJob(HubDbContext db, FollowUpNotices notices, ReminderSender sender, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var local = now.ToOffset(TimeSpan.FromHours(8)).DateTime;
        var week = $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
        var organizations = await db.OutcomeItems.Select(i => i.OrganizationId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var org in organizations)
        {
            var items = db.OutcomeItems.Where(i => i.OrganizationId == org);
            var open = await items.CountAsync(i => i.Status != FollowUpStatus.Closed, ct);
            var overdue = await items.OverdueAt(now).CountAsync(ct);
            var dueSoon = await items.CountAsync(i => (i.Status == FollowUpStatus.Assigned || i.Status == FollowUpStatus.InProgress)
                && i.DueAt >= now && i.DueAt < now.AddDays(7), ct);
            var closed = await items.CountAsync(i => i.ClosedAt >= now.AddDays(-7), ct);
            string[] args = [week, .. new[] { open, overdue, dueSoon, closed }.Select(n => n.ToString(CultureInfo.InvariantCulture))];
            if (await sender.SendOnceAsync($"digest:{org}:{week}", () =>
                    notices.AddToOrganizationAsync(NotificationAudience.Staff, org, "followup.digest", now, ct, args), ct))
            {
                sent++;
            }
        }
        return sent;
    }
}
