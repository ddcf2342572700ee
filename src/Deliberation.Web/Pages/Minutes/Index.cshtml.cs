using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Pages.Minutes;

/// <summary>The published minutes of a session, public version only (no internal passages, no source links).</summary>
public sealed class IndexModel(HubDbContext db, MinutesTexts texts, MinutesRenderer renderer) : PageModel
{
    [FromRoute]
    public Guid ConsultationId { get; set; }

    public string SessionTitle { get; private set; } = "";
    public MinutesText? Text { get; private set; }
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.PublishedSessions().AsNoTracking().Where(c => c.Id == ConsultationId)
            .Select(c => c.Title).SingleOrDefaultAsync(ct);
        if (title is null) return NotFound();
        SessionTitle = title;
        var id = await db.PublishedMinutes().Where(m => m.ConsultationId == ConsultationId)
            .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct);
        if (id is not null) Text = await texts.PublicAsync(id.Value, ct);
        if (Text is not null) Html = renderer.ToHtml(Text.Markdown);
        return Page();
    }
}
