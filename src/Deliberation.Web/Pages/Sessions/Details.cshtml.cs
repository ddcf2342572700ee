using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Pages.Sessions;

public sealed class DetailsModel(HubDbContext db) : PageModel
{
    public Consultation Session { get; private set; } = null!;
    public List<(ParticipantTier Tier, int Count)> TierCounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var session = await db.PublishedSessions().AsNoTracking().Include(c => c.Agenda)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (session is null) return NotFound();
        Session = session;
        TierCounts = (await db.Participants.Where(p => p.ConsultationId == id).GroupBy(p => p.Tier)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key).Select(x => (x.Key, x.Count)).ToList();
        return Page();
    }
}
