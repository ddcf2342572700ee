using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
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
        var session = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status != ConsultationStatus.Archived, ct);
        if (session is null) return NotFound();
        Session = session;
        var signedIn = User.Identity?.IsAuthenticated == true;
        // As in the hub (RoomAccess): staff roles count only in the caller's own body's sessions.
        CanModerate = signedIn && User.OrganizationId() == session.OrganizationId
            && (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Moderator));
        if (session.Status == ConsultationStatus.Draft && !CanModerate) return NotFound();
        if (moderatorOnly && !CanModerate) return signedIn ? Forbid() : Challenge();
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
