using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>A leader reads an item and writes an instruction (批示).</summary>
[Authorize(Roles = Roles.Leader)]
public sealed class LeaderItemModel(HubDbContext db, FollowUpCommands commands, IStringLocalizer<SharedResource> l) : FollowUpPageModel(l)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Instruction { get; set; }
    public ItemView View { get; private set; } = null!;

    public bool CanInstruct => FollowUpStateMachine.CanApply(View.Item.Status, FollowUpAction.Instruct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(() => commands.InstructAsync(Id, Instruction ?? "", User.ToActor(), ct), "FollowUp.Done.Instructed", () => ShowAsync(ct), Only(nameof(Instruction)));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var view = await ItemView.LoadAsync(db, db.OutcomeItems, Id, ItemViewLevel.Internal, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
