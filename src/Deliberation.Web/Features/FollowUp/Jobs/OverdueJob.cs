using Deliberation.Core.Auditing;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>
/// Flags items whose deadline passed (逾期, shown on the board and in the timeline), tells the department and staff
/// once, and alerts leaders once an item is FollowUp:EscalateOverdueAfterDays late.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class OverdueJob(HubDbContext db, FollowUpNotices notices, ReminderSender sender, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = await db.OutcomeItems.OverdueAt(now).Select(i => i.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var item = await db.OutcomeItems.SingleAsync(i => i.Id == id, ct);
            if (item.MarkOverdue(now) is { } flagged)
            {
                AuditLog.Record(db, Actor.System, "followup.overdue", nameof(OutcomeItem), item.Id, null, new { item.Status, item.DueAt }, flagged.At);
            }
            var due = FollowUpNotices.Date(item.DueAt!.Value);
            var lead = new[] { item.LeadDepartmentId!.Value };
            if (await sender.SendOnceAsync($"overdue:{item.Id}:{item.Round}:{due}", async () =>
                {
                    var notes = await notices.AddAsync(NotificationAudience.Department, item, lead, "followup.overdue", now, null, ct, due);
                    notes.AddRange(await notices.AddAsync(NotificationAudience.Staff, item, null, "followup.overdue", now, null, ct, due));
                    return notes;
                }, ct))
            {
                sent++;
            }
            var late = (int)(now - item.DueAt.Value).TotalDays;
            if (late >= options.Value.EscalateOverdueAfterDays
                && await sender.SendOnceAsync($"overdue-escalated:{item.Id}:{item.Round}:{due}", () =>
                    notices.AddAsync(NotificationAudience.Leader, item, null, "followup.overdue_escalated", now, null, ct,
                        late.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct))
            {
                sent++;
            }
        }
        return sent;
    }
}
