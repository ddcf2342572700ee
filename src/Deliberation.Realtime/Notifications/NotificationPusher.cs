using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Realtime.Notifications;

/// <summary>Pushes saved notifications to their recipients' open pages.</summary>
public interface INotificationPusher
{
    /// <summary>Sends each recipient a <see cref="INotificationClient.NotificationReceived"/> with their unread count.</summary>
    Task PushAsync(IReadOnlyList<Notification> saved, CancellationToken ct = default);
}

internal sealed class NotificationPusher(IHubContext<NotificationHub, INotificationClient> hub, HubDbContext db) : INotificationPusher
{
    public async Task PushAsync(IReadOnlyList<Notification> saved, CancellationToken ct = default)
    {
        var users = saved.Select(n => n.UserId).Distinct().ToList();
        var unread = await db.Notifications.Where(n => users.Contains(n.UserId) && n.ReadAt == null)
            .GroupBy(n => n.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var latest in saved.GroupBy(n => n.UserId).Select(g => g.MaxBy(n => n.Id)!))
        {
            await hub.Clients.User(latest.UserId.ToString())
                .NotificationReceived(new NotificationPing(latest.Id, latest.Kind, unread.GetValueOrDefault(latest.UserId)));
        }
    }
}
