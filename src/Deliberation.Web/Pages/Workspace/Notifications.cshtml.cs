using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>The signed-in user's notifications; opening one marks it read and goes to the item.</summary>
[Authorize]
public sealed class NotificationsModel(HubDbContext db, NotificationTexts texts, TimeProvider clock) : PageModel
{
    public List<(Notification Note, string Text, string Link)> Items { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var list = await db.Notifications.AsNoTracking().Where(n => n.UserId == me).OrderByDescending(n => n.Id).Take(100).ToListAsync(ct);
        Items = list.Select(n => (n, texts.Text(n), $"/Workspace/Notifications?handler=Open&id={n.Id}")).ToList();
        Unread = list.Count(n => n.ReadAt is null);
    }

    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken ct)
    {
        var me = User.UserId();
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id && x.UserId == me, ct);
        if (n is null) return NotFound();
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return LocalRedirect(NotificationTexts.Link(n));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var me = User.UserId();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        return Redirect("/Workspace/Notifications");
    }
}
