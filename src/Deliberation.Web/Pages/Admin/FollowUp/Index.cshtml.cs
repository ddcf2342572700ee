using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.Admin.FollowUp;

/// <summary>Staff list of every outcome item (internal ones too), by what needs doing.</summary>
public sealed class IndexModel(HubDbContext db, FollowUpBoard board) : PageModel
{
    [FromQuery] public string? Status { get; set; }
    public List<ItemRow> Rows { get; private set; } = [];

    public static readonly string[] Filters =
        ["", "Pending", "ToAssign", "Assigned", "InProgress", "Overdue", "ToClose", "Closed"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = Status switch
        {
            "ToAssign" => db.OutcomeItems.Where(i => i.Status == FollowUpStatus.Submitted || i.Status == FollowUpStatus.Instructed || i.Status == FollowUpStatus.Returned),
            "ToClose" => db.OutcomeItems.Where(i => i.Status == FollowUpStatus.Replied || i.Status == FollowUpStatus.Escalated),
            _ => board.Filter(db.OutcomeItems, new BoardFilter(Status: Status)),
        };
        Rows = await board.RowsAsync(items, ct);
    }
}
