using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>Reminds staff of look-back reviews (回头看) falling due within FollowUp:LookBackReminderDays, once per review.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class LookBackReminderJob(HubDbContext db, FollowUpNotices notices, ReminderSender sender, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(options.Value.LookBackReminderDays);
        var items = await db.OutcomeItems
            .Where(i => i.Status == FollowUpStatus.Closed && i.LookBackDoneAt == null && i.LookBackDueAt != null && i.LookBackDueAt <= horizon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in items)
        {
            var due = FollowUpNotices.Date(item.LookBackDueAt!.Value);
            if (await sender.SendOnceAsync($"lookback:{item.Id}:{due}", () =>
                    notices.AddAsync(NotificationAudience.Staff, item, null, "followup.lookback_due", now, null, ct, due), ct))
            {
                sent++;
            }
        }
        return sent;
    }
}
