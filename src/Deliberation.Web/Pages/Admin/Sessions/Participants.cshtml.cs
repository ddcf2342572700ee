using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Sessions;

public sealed class ParticipantsModel(HubDbContext db, ParticipantCommands commands, IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    private const int MaxCandidates = 300;

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Sector filter of the member picker.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Sector { get; set; }

    /// <summary>Name filter of the member picker.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public sealed record Candidate(Guid Id, string FullName, string? Sector, bool IsStandingMember);

    public DepartmentRepresentativeInput Dept { get; private set; } = new();
    public GuestInput Guest { get; private set; } = new();
    /// <summary>Which add form to show open: members, department or guest.</summary>
    public string? OpenForm { get; private set; }

    public SessionHead Session { get; private set; } = null!;
    public List<Participant> People { get; private set; } = [];
    public List<Candidate> Candidates { get; private set; } = [];
    public List<SelectListItem> Sectors { get; private set; } = [];
    public List<SelectListItem> Departments { get; private set; } = [];
    private string Here => $"/Admin/Sessions/Participants/{Id}";

    public IEnumerable<(ParticipantTier Tier, List<Participant> People)> ByTier =>
        Enum.GetValues<ParticipantTier>().Select(t => (t, People.Where(p => p.Tier == t).ToList()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Sector is not null || !string.IsNullOrWhiteSpace(Q)) OpenForm = "members";
        return Page();
    }

    public async Task<IActionResult> OnPostAddMembersAsync(List<Guid> memberIds, CancellationToken ct)
    {
        if (memberIds.Count == 0)
        {
            Problem("Participants.NoneSelected");
            return Redirect(PickerUrl());
        }
        try
        {
            var added = await commands.AddMembersAsync(OrgId, Id, memberIds, User.ToActor(), ct);
            Flash("Participants.MembersAdded", added);
        }
        catch (DomainException ex)
        {
            Problem(ex);
        }
        return Redirect(PickerUrl());
    }

    public async Task<IActionResult> OnPostAddDepartmentAsync([Bind(Prefix = nameof(Dept))] DepartmentRepresentativeInput dept, CancellationToken ct)
    {
        Dept = dept;
        if (ModelState.IsValid)
        {
            var draft = new DepartmentRepresentativeDraft(dept.DepartmentId!.Value, dept.Name, dept.Title);
            if (await TryAsync(() => commands.AddDepartmentRepresentativeAsync(OrgId, Id, draft, User.ToActor(), ct), nameof(Dept)))
            {
                return Redirect($"{Here}#tier-{ParticipantTier.Department}");
            }
        }
        OpenForm = "department";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddGuestAsync([Bind(Prefix = nameof(Guest))] GuestInput guest, CancellationToken ct)
    {
        Guest = guest;
        if (ModelState.IsValid)
        {
            var draft = new GuestDraft(guest.Tier, guest.Name, guest.Affiliation);
            if (await TryAsync(() => commands.AddGuestAsync(OrgId, Id, draft, User.ToActor(), ct), nameof(Guest)))
            {
                return Redirect($"{Here}#tier-{guest.Tier}");
            }
        }
        OpenForm = "guest";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVotingAsync(Guid participant, bool on, CancellationToken ct) =>
        ActAsync(participant, () => commands.SetVotingRightAsync(OrgId, Id, participant, on, User.ToActor(), ct));

    public Task<IActionResult> OnPostCheckInAsync(Guid participant, CancellationToken ct) =>
        ActAsync(participant, () => commands.CheckInAsync(OrgId, Id, participant, User.ToActor(), ct));

    public Task<IActionResult> OnPostUndoCheckInAsync(Guid participant, CancellationToken ct) =>
        ActAsync(participant, () => commands.UndoCheckInAsync(OrgId, Id, participant, User.ToActor(), ct));

    public async Task<IActionResult> OnPostRemoveAsync(Guid participant, CancellationToken ct)
    {
        try
        {
            await commands.RemoveAsync(OrgId, Id, participant, User.ToActor(), ct);
            Flash("Participants.Removed");
        }
        catch (DomainException ex)
        {
            Problem(ex);
        }
        return Redirect(Here);
    }

    /// <summary>Row actions come back to the same row, so staff checking people in keep their place.</summary>
    private async Task<IActionResult> ActAsync(Guid participant, Func<Task> act)
    {
        try
        {
            await act();
        }
        catch (DomainException ex)
        {
            Problem(ex);
        }
        return Redirect($"{Here}#p-{participant}");
    }

    private async Task<bool> TryAsync(Func<Task> add, string prefix)
    {
        try
        {
            await add();
            Flash("Participants.Added");
            return true;
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, prefix);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, Strings[$"Error.{ex.Code}"]);
        }
        return false;
    }

    private string PickerUrl()
    {
        var query = QueryString.Empty;
        if (Sector is Guid s) query = query.Add("sector", s.ToString());
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Add("q", Q.Trim());
        return $"{Here}{query}#add-members";
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var head = await db.Consultations.AsNoTracking().Where(c => c.Id == Id && c.OrganizationId == OrgId)
            .Select(c => new SessionHead(c.Id, c.Title, c.Status, c.StartsAt, c.EndsAt)).SingleOrDefaultAsync(ct);
        if (head is null) return false;
        Session = head;
        People = await db.Participants.AsNoTracking().Where(p => p.ConsultationId == Id)
            .OrderBy(p => p.RegisteredAt).ThenBy(p => p.DisplayName).ToListAsync(ct);
        if (Session.IsClosed) return true;

        Sectors = await db.Sectors.AsNoTracking().Where(s => s.OrganizationId == OrgId).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().Where(d => d.OrganizationId == OrgId).OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync(ct);
        var candidates = db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == OrgId && !db.Participants.Any(p => p.ConsultationId == Id && p.MemberId == m.Id));
        if (Sector is Guid sector) candidates = candidates.Where(m => m.SectorId == sector);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            candidates = candidates.Where(m => m.FullName.Contains(q));
        }
        Candidates = await candidates.OrderBy(m => m.Sector!.SortOrder).ThenBy(m => m.FullName).Take(MaxCandidates)
            .Select(m => new Candidate(m.Id, m.FullName, m.Sector!.Name, m.IsStandingMember)).ToListAsync(ct);
        return true;
    }
}
