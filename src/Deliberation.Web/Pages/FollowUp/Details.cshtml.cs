using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.FollowUp;

/// <summary>One public outcome item with its whole public timeline.</summary>
public sealed class DetailsModel(HubDbContext db) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await ItemView.LoadAsync(db, db.OutcomeItems.OnPublicBoard(), id, ItemViewLevel.Public, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
