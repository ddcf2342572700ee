using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Sessions;

/// <summary>The live pages of a session share this: the session, who is looking, and the strings for the script.</summary>
public abstract class LivePageModel(HubDbContext db, AnonymousVisitors visitors, ClientStrings strings) : PageModel
{
    public Consultation Session { get; private set; } = null!;
    public bool NeedsName { get; private set; }
    public bool CanModerate { get; private set; }
    public object Config { get; private set; } = null!;

    protected async Task<IActionResult> LoadAsync(Guid id, bool moderatorOnly, CancellationToken ct)
    {
        var access = HttpContext.RequestServices.GetRequiredService<RoomAccess>();
        var room = await access.FindAsync(id, ct);
        if (room is null) return NotFound();
        var signedIn = User.Identity?.IsAuthenticated == true;
        // As in the hub (RoomAccess): the body's staff, or the session's own moderator (主持人) — not a role alone.
        var caller = HttpContext.RequestServices.GetRequiredService<IRoomCallerResolver>().Resolve(HttpContext);
        CanModerate = signedIn && await access.MayModerateAsync(room, caller, ct);
        if (room.Status == ConsultationStatus.Draft && !CanModerate) return NotFound();
        if (moderatorOnly && !CanModerate) return signedIn ? Forbid() : Challenge();
        // The page shows this one room: it reads within the room's organisation (its public page is open to all).
        HttpContext.RequestServices.GetRequiredService<OrgScope>().ActFor(room.OrganizationId);
        var session = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        Session = session;
        if (!signedIn)
        {
            if (session.PublicAccess == PublicAccess.Closed) return Challenge();
            NeedsName = visitors.Read(Request.Cookies[AnonymousVisitors.CookieName]) is null;
        }
        Config = new
        {
            roomId = session.Id,
            roomCode = session.RoomCode,
            joinUrl = $"{Request.Scheme}://{Request.Host}/s/{session.Id}/room",
            strings = strings.ForLivePages(),
            exportBase = "/api/questionnaires/",
        };
        return Page();
    }
}

public sealed class RoomModel(HubDbContext db, AnonymousVisitors visitors, ClientStrings strings) : LivePageModel(db, visitors, strings)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, moderatorOnly: false, ct);
}
