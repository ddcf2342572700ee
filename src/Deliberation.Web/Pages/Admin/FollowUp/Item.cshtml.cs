using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Pages.Admin.FollowUp;

/// <summary>Staff handle one item: submit to leaders, assign (or reassign), close, and the look-back review.</summary>
public sealed class ItemModel(HubDbContext db, FollowUpCommands commands, TimeProvider clock, Display display,
    IOptions<FollowUpOptions> options, IStringLocalizer<SharedResource> l) : FollowUpPageModel(l)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public AssignInput Assign { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LookBackNote { get; set; }

    public ItemView View { get; private set; } = null!;
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed class AssignInput
    {
        public Guid? LeadDepartmentId { get; set; }
        public List<Guid> CoHandlerIds { get; set; } = [];
        public DateOnly? DueOn { get; set; }
        public string? Note { get; set; }
    }

    public bool Can(FollowUpAction action) => FollowUpStateMachine.CanApply(View.Item.Status, action);

    public bool LookBackOpen => Can(FollowUpAction.ConfirmLookBack) && View.Item.LookBackDoneAt is null
        && View.Item.LookBackDueAt is { } due && Now >= due.AddDays(-30);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await ShowAsync(ct);
        Assign.LeadDepartmentId = View?.Item.LeadDepartmentId ?? View?.Item.ProposedDepartmentId;
        Assign.DueOn = DateOnly.FromDateTime(display.Local(Now.AddDays(options.Value.DefaultDeadlineDays)));
        return result;
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        ActAsync(() => commands.SubmitAsync(Id, User.ToActor(), ct), "FollowUp.Done.Submitted", () => ShowAsync(ct));

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (Assign.LeadDepartmentId is not { } lead) ModelState.AddModelError("Assign.LeadDepartmentId", Strings["Validation.Required"]);
        if (Assign.DueOn is null) ModelState.AddModelError("Assign.DueOn", Strings["Validation.Required"]);
        if (!ModelState.IsValid) return ShowAsync(ct);
        var draft = new AssignmentDraft(Assign.LeadDepartmentId!.Value, Assign.CoHandlerIds, DisplayExtensions.EndOfDay(Assign.DueOn!.Value), Assign.Note);
        return ActAsync(() => commands.AssignAsync(Id, draft, User.ToActor(), ct), "FollowUp.Done.Assigned", () => ShowAsync(ct),
            f => f == "DueAt" ? "Assign.DueOn" : $"Assign.{f}");
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        ActAsync(() => commands.CloseAsync(Id, Reason ?? "", User.ToActor(), ct), "FollowUp.Done.Closed", () => ShowAsync(ct), Only(nameof(Reason)));

    public Task<IActionResult> OnPostLookBackAsync(bool reopen, CancellationToken ct) =>
        ActAsync(() => commands.LookBackAsync(Id, reopen, LookBackNote ?? "", User.ToActor(), ct),
            reopen ? "FollowUp.Done.LookBackReopened" : "FollowUp.Done.LookBackConfirmed", () => ShowAsync(ct), Only(nameof(LookBackNote)));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var view = await ItemView.LoadAsync(db, db.OutcomeItems, Id, ItemViewLevel.Internal, ct);
        if (view is null) return NotFound();
        View = view;
        Departments = (await db.Departments.Where(d => d.OrganizationId == view.Item.OrganizationId).OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
        return Page();
    }
}
