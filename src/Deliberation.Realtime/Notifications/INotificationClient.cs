namespace Deliberation.Realtime.Notifications;

/// <summary>A new notification arrived for the signed-in user; <paramref name="Unread"/> is their unread count now.</summary>
public sealed record NotificationPing(long Id, string Kind, int Unread);

/// <summary>Events the server sends to a user's open pages (all their tabs and devices).</summary>
public interface INotificationClient
{
    /// <summary>A notification was created for this user.</summary>
    Task NotificationReceived(NotificationPing ping);

    /// <summary>The unread count changed (on connect, or after reading in another tab).</summary>
    Task UnreadCountChanged(int unread);
}
