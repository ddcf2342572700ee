using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Pages.Sessions;

public sealed class DetailsModel(HubDbContext db, OrgScope tenancy) : PageModel
{
    public Consultation Session { get; private set; } = null!;
    /// <summary>The session has a recording and is not live: 观看回放 (the replay page decides who may watch).</summary>
    public bool HasReplay { get; private set; }
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
        if (session.Status != ConsultationStatus.Live)
        {
            // Whether a replay exists (the replay page decides who may watch it): the published session's recordings,
            // read within its organisation, as the public read above found it. Last, so nothing else reads in that scope.
            tenancy.ActFor(session.OrganizationId);
            HasReplay = await db.StreamRecordings.AnyAsync(r => r.ConsultationId == id, ct);
        }
        return Page();
    }
}
