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

/// <summary>A department's inbox: only items it leads or co-handles, most urgent first.</summary>
[Authorize(Roles = Roles.Department)]
public sealed class DepartmentModel(HubDbContext db, FollowUpBoard board) : PageModel
{
    public string? DepartmentName { get; private set; }
    public List<ItemRow> ToAccept { get; private set; } = [];
    public List<ItemRow> ToReply { get; private set; } = [];
    public List<ItemRow> CoHandled { get; private set; } = [];
    public List<ItemRow> Done { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.DepartmentId() is not { } dept) return Forbid();
        DepartmentName = await db.Departments.Where(d => d.Id == dept).Select(d => d.Name).SingleOrDefaultAsync(ct);
        var rows = await board.RowsAsync(db.OutcomeItems.HandledBy(dept), ct);
        var lead = rows.Where(r => r.LeadDepartmentId == dept).ToList();
        ToAccept = ByDeadline(lead.Where(r => r.Status == FollowUpStatus.Assigned));
        ToReply = ByDeadline(lead.Where(r => r.Status == FollowUpStatus.InProgress));
        CoHandled = ByDeadline(rows.Where(r => r.LeadDepartmentId != dept && FollowUpStateMachine.IsHandling(r.Status)));
        Done = lead.Where(r => !FollowUpStateMachine.IsHandling(r.Status)).ToList();
        return Page();
    }

    private static List<ItemRow> ByDeadline(IEnumerable<ItemRow> rows) => rows.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ToList();
}
