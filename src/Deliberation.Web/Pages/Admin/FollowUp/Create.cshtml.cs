using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.FollowUp;

/// <summary>Staff record an outcome item (from a session, a 社情民意 report or a micro-suggestion).</summary>
public sealed class CreateModel(HubDbContext db, FollowUpCommands commands, IStringLocalizer<SharedResource> l) : FollowUpPageModel(l)
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<(Guid Id, string Name)> Sessions { get; private set; } = [];
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? Category { get; set; }
        public OutcomeSource Source { get; set; } = OutcomeSource.Session;
        public Guid? ConsultationId { get; set; }
        public int? RecommendationNumber { get; set; }
        /// <summary>Member names separated by 、 , ， or spaces.</summary>
        public string? Proposers { get; set; }
        public Guid? ProposedDepartmentId { get; set; }
        public bool IsPublic { get; set; } = true;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var org = User.RequiredOrganizationId();
        var names = (Input.Proposers ?? "").Split(['、', ',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var members = (await db.Members.Where(m => m.OrganizationId == org && names.Contains(m.FullName))
            .Select(m => new { Name = m.FullName, m.Id }).ToListAsync(ct)).DistinctBy(m => m.Name).ToList();
        var unknown = names.Except(members.Select(m => m.Name)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.Proposers", Strings["FollowUp.UnknownMembers", string.Join(Strings["List.Separator"], unknown)]);
            await LoadChoicesAsync(ct);
            return Page();
        }
        var draft = new OutcomeDraft(Input.Title ?? "", Input.Text ?? "", Input.Category, Input.Source, Input.ConsultationId,
            Input.RecommendationNumber, members.Select(m => m.Id).ToList(), Input.ProposedDepartmentId, Input.IsPublic);
        OutcomeItem? created = null;
        var result = await ActAsync(async () => created = await commands.CreateAsync(org, draft, User.ToActor(), ct), "FollowUp.Done.Created",
            async () => { await LoadChoicesAsync(ct); return Page(); }, Prefixed(nameof(Input)));
        return created is null ? result : Redirect($"/Admin/FollowUp/Item/{created.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sessions = (await db.Consultations.Where(c => c.Status == ConsultationStatus.Ended || c.Status == ConsultationStatus.Archived)
            .OrderByDescending(c => c.StartsAt).Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
        Departments = (await db.Departments.OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
    }
}
