using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Notifications;
using Deliberation.Web.Features.FollowUp.Jobs;
using Deliberation.Web.Infrastructure.Jobs;
using Deliberation.Web.Infrastructure.Mail;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>
/// After a change commits: pushes the bell live, and queues one e-mail job per notification whose recipient has an
/// address (when mail is on). A failed push only costs liveness; the notification is already saved.
/// </summary>
public sealed partial class NotificationDispatcher(
    INotificationPusher pusher,
    HubDbContext db,
    IBackgroundJobClient jobs,
    IOptions<MailOptions> mail,
    ILogger<NotificationDispatcher> logger) : INotificationSink
{
    public async Task DeliverAsync(IReadOnlyList<Notification> saved, CancellationToken ct = default)
    {
        try
        {
            await pusher.PushAsync(saved, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(logger, saved.Count, ex);
        }
        if (!mail.Value.Enabled) return;
        var users = saved.Select(n => n.UserId).Distinct().ToList();
        var withAddress = (await db.Users.Where(u => users.Contains(u.Id) && u.Email != null && u.Email != "")
            .Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        foreach (var n in saved.Where(n => withAddress.Contains(n.UserId)))
        {
            jobs.Enqueue<SendNotificationEmailJob>(JobQueues.Critical, j => j.RunAsync(n.Id, CancellationToken.None));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of {Count} notification(s) failed")]
    private static partial void LogPushFailed(ILogger logger, int count, Exception error);
}
