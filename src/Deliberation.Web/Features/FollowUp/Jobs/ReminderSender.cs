using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>
/// Sends a reminder at most once per key. The key row, the notifications and any other pending change (e.g. an
/// overdue flag) commit together; a re-run, a retry or a second node hits the unique index and sends nothing.
/// </summary>
public sealed class ReminderSender(HubDbContext db, INotificationSink sink, TimeProvider clock)
{
    public async Task<bool> SendOnceAsync(string key, Func<Task<List<Notification>>> build, CancellationToken ct)
    {
        if (await db.SentReminders.AnyAsync(r => r.Key == key, ct))
        {
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            return false;
        }
        db.SentReminders.Add(new SentReminder { Key = key, SentAt = clock.GetUtcNow() });
        var notes = await build();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "IX_SentReminders_Key" })
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await sink.DeliverAsync(notes, ct);
        return true;
    }
}
