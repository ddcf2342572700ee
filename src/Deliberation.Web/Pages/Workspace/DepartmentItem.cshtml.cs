using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Workspace;

/// <summary>Handling one item: accept or return, report progress, reply after consulting the proposer.</summary>
[Authorize(Roles = Roles.Department)]
public sealed class DepartmentItemModel(HubDbContext db, FollowUpCommands commands, TimeProvider clock, Infrastructure.Display display,
    IStringLocalizer<SharedResource> l) : FollowUpPageModel(l)
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? ReturnReason { get; set; }
    [BindProperty] public ProgressInput Progress { get; set; } = new();
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public ItemView View { get; private set; } = null!;
    public bool IsLead { get; private set; }

    public sealed class ProgressInput
    {
        public int Percent { get; set; }
        public string? Note { get; set; }
        public bool IsPublic { get; set; } = true;
    }

    public sealed class ReplyInput
    {
        public string? Text { get; set; }
        public ContactMethod? Method { get; set; }
        public DateOnly? ContactedOn { get; set; }
        public string? Summary { get; set; }
        public List<IFormFile> Files { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Progress.Percent = View.Item.ProgressPercent;
        Reply.ContactedOn = DateOnly.FromDateTime(display.Local(clock.GetUtcNow()));
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync(() => commands.AcceptAsync(Id, Dept, User.ToActor(), ct), "FollowUp.Done.Accepted", () => ShowAsync(ct));

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync(() => commands.ReturnAsync(Id, Dept, ReturnReason ?? "", User.ToActor(), ct), "FollowUp.Done.Returned", () => ShowAsync(ct, "return"), Only(nameof(ReturnReason)));

    public Task<IActionResult> OnPostProgressAsync(CancellationToken ct) =>
        ActAsync(() => commands.ReportProgressAsync(Id, Dept, Progress.Percent, Progress.Note ?? "", Progress.IsPublic, User.ToActor(), ct),
            "FollowUp.Done.Progress", () => ShowAsync(ct, "progress"), Prefixed(nameof(Progress)));

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        var (files, error) = await Uploads.ReadAsync(Reply.Files, ct);
        if (error is not null)
        {
            ModelState.AddModelError("Reply.Files", Strings[error]);
            return await ShowAsync(ct, "reply");
        }
        var draft = new ReplyDraft(Reply.Text ?? "", Reply.Method,
            Reply.ContactedOn is { } day ? DisplayExtensions.StartOfDay(day) : null, Reply.Summary, files);
        return await ActAsync(() => commands.ReplyAsync(Id, Dept, draft, User.ToActor(), ct), "FollowUp.Done.Replied", () => ShowAsync(ct, "reply"), ReplyField);
    }

    private static string ReplyField(string field) => field switch
    {
        "ContactedAt" => "Reply.ContactedOn",
        "ContactSummary" => "Reply.Summary",
        _ => $"Reply.{field}",
    };

    private Guid Dept => User.DepartmentId() ?? Guid.Empty;

    /// <summary>Which folded form to show open after a failed post.</summary>
    public string? OpenForm { get; private set; }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, string? open = null)
    {
        OpenForm = open;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await ItemView.LoadAsync(db, db.OutcomeItems.HandledBy(Dept), Id, ItemViewLevel.Internal, ct);
        if (view is null) return false;
        View = view;
        IsLead = view.Item.LeadDepartmentId == Dept;
        return true;
    }
}
