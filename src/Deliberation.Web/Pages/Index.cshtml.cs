using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Pages;

public sealed class IndexModel(HubDbContext db) : PageModel
{
    public List<ConsultationSummary> Live { get; private set; } = [];
    public List<ConsultationSummary> Upcoming { get; private set; } = [];
    public List<ConsultationSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = db.PublishedSessions().AsNoTracking();
        Live = await all.Where(c => c.Status == ConsultationStatus.Live).OrderBy(c => c.StartsAt)
            .Select(ConsultationSummary.Projection).ToListAsync(ct);
        Upcoming = await all.Where(c => c.Status == ConsultationStatus.Scheduled).OrderBy(c => c.StartsAt).Take(12)
            .Select(ConsultationSummary.Projection).ToListAsync(ct);
        Recent = await all.Where(c => c.Status == ConsultationStatus.Ended || c.Status == ConsultationStatus.Archived)
            .OrderByDescending(c => c.StartsAt).Take(6).Select(ConsultationSummary.Projection).ToListAsync(ct);

        // The home page lists every body's public sessions: each card says whose it is.
        var ids = Live.Concat(Upcoming).Concat(Recent).Select(s => s.OrganizationId).Distinct().ToList();
        var bodies = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        List<ConsultationSummary> Named(List<ConsultationSummary> list) => list.Select(s => s with { Body = bodies.GetValueOrDefault(s.OrganizationId) }).ToList();
        (Live, Upcoming, Recent) = (Named(Live), Named(Upcoming), Named(Recent));
    }
}
