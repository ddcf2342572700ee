using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>Leaders' list: items submitted or escalated to them, and their recent instructions.</summary>
[Authorize(Roles = Roles.Leader)]
public sealed class LeaderModel(HubDbContext db, FollowUpBoard board) : PageModel
{
    public List<ItemRow> Waiting { get; private set; } = [];
    public List<ItemRow> Instructed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Waiting = await board.RowsAsync(db.OutcomeItems.AwaitingLeaders(), ct);
        Instructed = await board.RowsAsync(db.OutcomeItems.Where(i => i.Instructions.Any()).Where(i => i.Status != FollowUpStatus.Submitted && i.Status != FollowUpStatus.Escalated), ct);
    }
}
