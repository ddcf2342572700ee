using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Admin.Sessions;

public sealed class IndexModel(HubDbContext db) : PageModel
{
    public List<ConsultationSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = User.OrganizationId();
        Sessions = await db.Consultations.AsNoTracking().Where(c => c.OrganizationId == org).OrderByDescending(c => c.StartsAt)
            .Select(ConsultationSummary.Projection)
            .ToListAsync(ct);
    }
}
