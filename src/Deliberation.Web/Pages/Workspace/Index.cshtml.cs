using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>我的待办: what is waiting on the signed-in person, whatever their roles.</summary>
[Authorize(Roles = Roles.FollowUpWorkers)]
public sealed class IndexModel(HubDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Tile(string LabelKey, int Count, string Link, bool Urgent = false);

    public List<Tile> Department { get; } = [];
    public List<Tile> Leader { get; } = [];
    public List<Tile> Member { get; } = [];
    public List<Tile> Staff { get; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = db.OutcomeItems;
        if (User.IsInRole(Roles.Department) && User.DepartmentId() is { } dept)
        {
            var lead = items.Where(i => i.LeadDepartmentId == dept);
            Department.Add(new("Workspace.ToAccept", await lead.CountAsync(i => i.Status == FollowUpStatus.Assigned, ct), "/Workspace/Department"));
            Department.Add(new("Workspace.ToReply", await lead.CountAsync(i => i.Status == FollowUpStatus.InProgress, ct), "/Workspace/Department"));
            Department.Add(new("Progress.Overdue", await lead.OverdueAt(now).CountAsync(ct), "/Workspace/Department", Urgent: true));
        }
        if (User.IsInRole(Roles.Leader))
        {
            Leader.Add(new("Workspace.ToInstruct", await items.AwaitingLeaders().CountAsync(ct), "/Workspace/Leader"));
        }
        if (User.IsInRole(Roles.Member) && User.MemberId() is { } me)
        {
            var mine = items.ProposedBy(me);
            Member.Add(new("Workspace.ToRate", await mine.CountAsync(i => i.Status == FollowUpStatus.Replied
                && !i.Ratings.Any(r => r.Round == i.Round && r.MemberId == me), ct), "/Workspace/Mine", Urgent: true));
            Member.Add(new("Workspace.MyItems", await mine.CountAsync(ct), "/Workspace/Mine"));
        }
        if (User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin))
        {
            Staff.Add(new("Workspace.ToSubmit", await items.CountAsync(i => i.Status == FollowUpStatus.Pending, ct), "/Admin/FollowUp?status=Pending"));
            Staff.Add(new("Workspace.ToAssign", await items.CountAsync(i => i.Status == FollowUpStatus.Submitted
                || i.Status == FollowUpStatus.Instructed || i.Status == FollowUpStatus.Returned, ct), "/Admin/FollowUp?status=ToAssign"));
            Staff.Add(new("Workspace.ToClose", await items.CountAsync(i => i.Status == FollowUpStatus.Replied || i.Status == FollowUpStatus.Escalated, ct), "/Admin/FollowUp?status=ToClose"));
            Staff.Add(new("Progress.Overdue", await items.OverdueAt(now).CountAsync(ct), "/Admin/FollowUp?status=Overdue", Urgent: true));
        }
        var uid = User.UserId();
        Unread = await db.Notifications.CountAsync(n => n.UserId == uid && n.ReadAt == null, ct);
    }
}
