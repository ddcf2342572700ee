using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.FollowUp;

/// <summary>One public outcome item with its whole public timeline.</summary>
public sealed class DetailsModel(HubDbContext db, OrgScope tenancy) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await ItemView.LoadPublicAsync(db, tenancy, id, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
