using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>A proposer reads the reply and rates it (满意度测评).</summary>
[Authorize(Roles = Roles.Member)]
public sealed class MineItemModel(HubDbContext db, FollowUpCommands commands, IStringLocalizer<SharedResource> l) : FollowUpPageModel(l)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public RatingInput Rating { get; set; } = new();
    public ItemView View { get; private set; } = null!;

    public sealed class RatingInput
    {
        public Satisfaction? Overall { get; set; }
        public Satisfaction? Communication { get; set; }
        public Satisfaction? Adoption { get; set; }
        public Satisfaction? Effect { get; set; }
        public string? Comment { get; set; }

        public Satisfaction? Dimension(string field) => field switch
        {
            nameof(Communication) => Communication,
            nameof(Adoption) => Adoption,
            _ => Effect,
        };
    }

    /// <summary>The reply of the current round is out and this member has not rated it yet.</summary>
    public bool CanRate => View.Item.Status == FollowUpStatus.Replied
        && !View.Ratings.Any(r => r.Round == View.Item.Round && r.MemberId == User.MemberId());

    public static readonly (string Field, string Label)[] Dimensions =
        [("Communication", "Rating.Communication"), ("Adoption", "Rating.Adoption"), ("Effect", "Rating.Effect")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Rating.Overall is not { } overall)
        {
            ModelState.AddModelError("Rating.Overall", Strings["Rating.ChooseOverall"]);
            return await ShowAsync(ct);
        }
        var draft = new RatingDraft(overall, Rating.Communication ?? overall, Rating.Adoption ?? overall, Rating.Effect ?? overall, Rating.Comment);
        return await ActAsync(() => commands.RateAsync(Id, User.MemberId() ?? Guid.Empty, draft, User.ToActor(), ct),
            overall == Satisfaction.Dissatisfied ? "FollowUp.Done.RatedDissatisfied" : "FollowUp.Done.Rated", () => ShowAsync(ct), Prefixed(nameof(Rating)));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (User.MemberId() is not { } me) return Forbid();
        var view = await ItemView.LoadAsync(db, db.OutcomeItems.ProposedBy(me), Id, ItemViewLevel.Proposer, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
