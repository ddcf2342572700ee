using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Admin.Minutes;

public sealed class VersionsModel(HubDbContext db) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public sealed record VersionRow(int No, MinutesVersionKind Kind, string AuthorName, string? Note, DateTimeOffset CreatedAt);

    public MinutesDocument Minutes { get; private set; } = null!;
    public string SessionTitle { get; private set; } = "";
    public List<VersionRow> Versions { get; private set; } = [];
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? from, int? to, CancellationToken ct)
    {
        var minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id, ct);
        if (minutes is null) return NotFound();
        Minutes = minutes;
        SessionTitle = await db.Consultations.Where(c => c.Id == minutes.ConsultationId).Select(c => c.Title).SingleAsync(ct);
        Versions = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == Id).OrderByDescending(v => v.No)
            .Select(v => new VersionRow(v.No, v.Kind, v.AuthorName, v.Note, v.CreatedAt)).ToListAsync(ct);
        if (Versions.Count < 2) return Page();
        To = to is int t && Versions.Any(v => v.No == t) ? t : Versions[0].No;
        From = from is int f && Versions.Any(v => v.No == f) ? f : Math.Max(1, To - 1);
        var texts = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == Id && (v.No == From || v.No == To))
            .ToDictionaryAsync(v => v.No, v => v.Markdown, ct);
        Diff = LineDiff.Compute(texts[From], texts[To]);
        return Page();
    }
}
