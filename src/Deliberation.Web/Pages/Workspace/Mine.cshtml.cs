using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>A member's own recommendations (我的建议), those waiting for a rating first.</summary>
[Authorize(Roles = Roles.Member)]
public sealed class MineModel(HubDbContext db, FollowUpBoard board) : PageModel
{
    public List<ItemRow> ToRate { get; private set; } = [];
    public List<ItemRow> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.MemberId() is not { } me) return Forbid();
        var rows = await board.RowsAsync(db.OutcomeItems.ProposedBy(me), ct);
        var rated = await db.OutcomeItems.ProposedBy(me).Where(i => i.Status == FollowUpStatus.Replied)
            .Where(i => i.Ratings.Any(r => r.Round == i.Round && r.MemberId == me)).Select(i => i.Id).ToListAsync(ct);
        ToRate = rows.Where(r => r.Status == FollowUpStatus.Replied && !rated.Contains(r.Id)).ToList();
        Others = rows.Except(ToRate).ToList();
        return Page();
    }
}
