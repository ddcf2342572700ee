using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Minutes;

public sealed class ViewModel(
    HubDbContext db, MinutesCommands commands, MinutesSignOff signOff, MinutesCompileRequests compile, MinutesRenderer renderer,
    IAuthorizationService authorization, Display display, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public MinutesDocument Minutes { get; private set; } = null!;
    public string SessionTitle { get; private set; } = "";
    public ConsultationStatus SessionStatus { get; private set; }
    public MinutesVersion? Current { get; private set; }
    public string Html { get; private set; } = "";
    public List<MinutesComment> Comments { get; private set; } = [];
    public bool CanSign { get; private set; }
    public bool IsManager => User.IsManager();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id, ct);
        if (minutes is null) return NotFound();
        Minutes = minutes;
        var session = await db.Consultations.AsNoTracking().Where(c => c.Id == minutes.ConsultationId).Select(c => new { c.Title, c.Status }).SingleAsync(ct);
        SessionTitle = session.Title;
        SessionStatus = session.Status;
        Current = await db.MinutesVersions.AsNoTracking().SingleOrDefaultAsync(v => v.MinutesId == Id && v.No == minutes.CurrentVersionNo, ct);
        Html = Current is null ? "" : renderer.ToHtml(Current.Markdown);
        Comments = await db.MinutesComments.AsNoTracking().Where(c => c.MinutesId == Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        CanSign = (await authorization.AuthorizeAsync(User, MinutesAccess.SignersPolicy)).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(MinutesStatus next, CancellationToken ct)
    {
        var allowed = next switch
        {
            MinutesStatus.Signed => (await authorization.AuthorizeAsync(User, MinutesAccess.SignersPolicy)).Succeeded,
            MinutesStatus.Draft => true,
            _ => IsManager,
        };
        if (!allowed) return Forbid();
        return await Run(() => signOff.MoveAsync(Id, next, User.ToActor(), ct), l["Minutes.Moved", display.Enum(next)].Value);
    }

    public async Task<IActionResult> OnPostCompileAsync(CancellationToken ct)
    {
        if (!IsManager) return Forbid();
        var session = await db.MinutesDocuments.Where(m => m.Id == Id).Select(m => (Guid?)m.ConsultationId).SingleOrDefaultAsync(ct);
        if (session is null) return NotFound();
        return await Run(() => compile.RequestAsync(session.Value, User.ToActor(), ct), l["Minutes.Queued"].Value);
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct) =>
        IsManager ? await Run(() => signOff.ResendAsync(Id, User.ToActor(), ct), l["Minutes.Resent"].Value) : Forbid();

    public Task<IActionResult> OnPostCommentAsync(string? text, CancellationToken ct) =>
        Run(() => commands.AddCommentAsync(Id, text ?? "", User.ToActor(), ct), null);

    private async Task<IActionResult> Run(Func<Task> action, string? done)
    {
        try
        {
            await action();
            if (done is not null) TempData["Flash"] = done;
        }
        catch (DomainException ex)
        {
            TempData["Flash"] = l[$"Error.{ex.Code}"].Value;
        }
        return Redirect($"/Admin/Minutes/View/{Id}");
    }
}
