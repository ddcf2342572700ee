using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Minutes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Minutes;

public sealed class EditModel(HubDbContext db, MinutesCommands commands, MinutesSignOff signOff, MinutesRenderer renderer, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string Markdown { get; set; } = "";

    [BindProperty]
    public int BaseVersion { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public MinutesDocument Minutes { get; private set; } = null!;
    public string SessionTitle { get; private set; } = "";
    public string PreviewHtml { get; private set; } = "";
    public bool IsCorrection => Minutes.Status == MinutesStatus.Published;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanChange()) return Redirect($"/Admin/Minutes/View/{Id}");
        Markdown = await db.MinutesVersions.Where(v => v.MinutesId == Id && v.No == Minutes.CurrentVersionNo).Select(v => v.Markdown).SingleAsync(ct);
        BaseVersion = Minutes.CurrentVersionNo;
        PreviewHtml = renderer.ToHtml(Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanChange()) return Forbid();
        try
        {
            var no = IsCorrection
                ? await signOff.CorrectAsync(Id, Markdown, Note ?? "", User.ToActor(), ct)
                : await commands.SaveEditAsync(Id, BaseVersion, Markdown, Note, User.ToActor(), ct);
            TempData["Flash"] = l["Minutes.Saved", no].Value;
            return Redirect($"/Admin/Minutes/View/{Id}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l[$"Error.{ex.Code}"]);
            PreviewHtml = renderer.ToHtml(Markdown);
            return Page();
        }
    }

    private bool CanChange() => Minutes.CurrentVersionNo > 0 &&
        (MinutesStatusRules.IsEditable(Minutes.Status) || (Minutes.Status == MinutesStatus.Published && User.IsManager()));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id, ct);
        if (minutes is null) return false;
        Minutes = minutes;
        SessionTitle = await db.Consultations.Where(c => c.Id == minutes.ConsultationId).Select(c => c.Title).SingleAsync(ct);
        return true;
    }
}
