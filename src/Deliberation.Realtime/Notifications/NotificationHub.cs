using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Realtime.Notifications;

/// <summary>
/// The bell's live channel. Users are addressed by account id (the NameIdentifier claim), so a connection only
/// ever hears about its own notifications; nothing is taken from the client but a notification id.
/// </summary>
[Authorize]
public sealed class NotificationHub(HubDbContext db, TimeProvider clock) : Hub<INotificationClient>
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.UnreadCountChanged(await UnreadAsync());
        await base.OnConnectedAsync();
    }

    /// <summary>Marks one of the caller's notifications read.</summary>
    public async Task MarkRead(long id)
    {
        var me = Me();
        await db.Notifications.Where(n => n.Id == id && n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()));
        await Clients.User(me.ToString()).UnreadCountChanged(await UnreadAsync());
    }

    /// <summary>Marks all of the caller's notifications read.</summary>
    public async Task MarkAllRead()
    {
        var me = Me();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()));
        await Clients.User(me.ToString()).UnreadCountChanged(0);
    }

    private Guid Me() => Guid.TryParse(Context.UserIdentifier, out var id) ? id : throw new HubException("unauthorized");

    private Task<int> UnreadAsync()
    {
        var me = Me();
        return db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null);
    }
}
