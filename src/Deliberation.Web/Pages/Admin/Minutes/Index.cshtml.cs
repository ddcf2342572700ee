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

public sealed class IndexModel(HubDbContext db, MinutesCompileRequests compile, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid SessionId, string Title, ConsultationStatus SessionStatus, DateTimeOffset StartsAt, MinutesDocument? Minutes);

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? session, CancellationToken ct)
    {
        if (session is Guid sessionId)
        {
            var id = await db.MinutesDocuments.Where(m => m.ConsultationId == sessionId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct);
            if (id is not null) return Redirect($"/Admin/Minutes/View/{id}");
        }
        var rows = await (
            from c in db.Consultations.AsNoTracking()
            where c.Status == ConsultationStatus.Ended || c.Status == ConsultationStatus.Archived
            join m in db.MinutesDocuments.AsNoTracking() on c.Id equals m.ConsultationId into mm
            from m in mm.DefaultIfEmpty()
            orderby c.StartsAt descending
            select new Row(c.Id, c.Title, c.Status, c.StartsAt, m)).Take(200).ToListAsync(ct);
        Rows = rows;
        return Page();
    }

    public async Task<IActionResult> OnPostCompileAsync(Guid session, CancellationToken ct)
    {
        if (!User.IsManager()) return Forbid();
        try
        {
            var id = await compile.RequestAsync(session, User.ToActor(), ct);
            TempData["Flash"] = l["Minutes.Queued"].Value;
            return Redirect($"/Admin/Minutes/View/{id}");
        }
        catch (DomainException ex)
        {
            TempData["Flash"] = l[$"Error.{ex.Code}"].Value;
            return Redirect("/Admin/Minutes");
        }
    }
}
