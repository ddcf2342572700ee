using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages;

public sealed class IndexModel(HubDbContext db) : PageModel
{
    public List<ConsultationSummary> Live { get; private set; } = [];
    public List<ConsultationSummary> Upcoming { get; private set; } = [];
    public List<ConsultationSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = db.Consultations.AsNoTracking()
            .Select(c => new { c, Summary = new ConsultationSummary(c.Id, c.Title, c.Type, c.Mode, c.Status, c.StartsAt, c.EndsAt, c.RoomCode, c.PublicAccess) });
        Live = await published.Where(x => x.c.Status == ConsultationStatus.Live).OrderBy(x => x.c.StartsAt).Select(x => x.Summary).ToListAsync(ct);
        Upcoming = await published.Where(x => x.c.Status == ConsultationStatus.Scheduled).OrderBy(x => x.c.StartsAt).Take(12).Select(x => x.Summary).ToListAsync(ct);
        Recent = await published.Where(x => x.c.Status == ConsultationStatus.Ended || x.c.Status == ConsultationStatus.Archived)
            .OrderByDescending(x => x.c.StartsAt).Take(6).Select(x => x.Summary).ToListAsync(ct);
    }
}
