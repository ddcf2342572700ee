using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Admin.Sessions;

public sealed class IndexModel(HubDbContext db) : PageModel
{
    public List<ConsultationSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sessions = await db.Consultations.AsNoTracking().OrderByDescending(c => c.StartsAt)
            .Select(c => new ConsultationSummary(c.Id, c.Title, c.Type, c.Mode, c.Status, c.StartsAt, c.EndsAt, c.RoomCode, c.PublicAccess))
            .ToListAsync(ct);
}
