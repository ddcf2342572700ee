using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>
/// Reminds lead departments before a deadline (FollowUp:ReminderDays, e.g. 7 and 1 days). When several thresholds
/// have passed unnoticed (say the job was down), only the most urgent reminder goes out.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class DeadlineReminderJob(HubDbContext db, FollowUpNotices notices, ReminderSender sender, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var days = options.Value.Reminders;
        var horizon = now.AddDays(days[^1]);
        var items = await db.OutcomeItems
            .Where(i => (i.Status == FollowUpStatus.Assigned || i.Status == FollowUpStatus.InProgress) && i.DueAt > now && i.DueAt <= horizon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in items)
        {
            var left = item.DueAt!.Value - now;
            var threshold = days.First(d => left <= TimeSpan.FromDays(d));
            var due = FollowUpNotices.Date(item.DueAt.Value);
            var key = $"due:{threshold}:{item.Id}:{item.Round}:{due}";
            var daysLeft = Math.Max(1, (int)Math.Ceiling(left.TotalDays)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await sender.SendOnceAsync(key, () => notices.AddAsync(NotificationAudience.Department, item, [item.LeadDepartmentId!.Value],
                    "followup.due_soon", now, null, ct, daysLeft, due), ct))
            {
                sent++;
            }
        }
        return sent;
    }
}
