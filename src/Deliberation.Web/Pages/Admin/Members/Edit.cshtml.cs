using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Members;

public sealed class EditModel(HubDbContext db, MemberCommands commands, IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        public Guid? SectorId { get; set; }

        public Guid? CommitteeId { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        public string? Group { get; set; }

        public bool IsStandingMember { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string? Affiliation { get; set; }
    }

    public List<SelectListItem> Sectors { get; private set; } = [];
    public List<SelectListItem> Committees { get; private set; } = [];
    public List<string> Groups { get; private set; } = [];

    /// <summary>How many sessions list the member as a participant; such members cannot be deleted.</summary>
    public int Participations { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is Guid id)
        {
            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == OrgId, ct);
            if (m is null) return NotFound();
            Input = new InputModel
            {
                FullName = m.FullName, SectorId = m.SectorId, CommitteeId = m.CommitteeId, Group = m.Group,
                IsStandingMember = m.IsStandingMember, Affiliation = m.Affiliation,
            };
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is Guid existing && !await db.Members.AnyAsync(x => x.Id == existing && x.OrganizationId == OrgId, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var draft = new MemberDraft(Input.FullName, Input.SectorId!.Value, Input.CommitteeId, Input.Group, Input.IsStandingMember, Input.Affiliation);
            try
            {
                if (Id is Guid id) await commands.UpdateAsync(OrgId, id, draft, User.ToActor(), ct);
                else await commands.CreateAsync(OrgId, draft, User.ToActor(), ct);
                Flash("Admin.Saved");
                return Redirect("/Admin/Members");
            }
            catch (ValidationFailedException ex)
            {
                AddErrors(ex, nameof(Input));
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, Strings[$"Error.{ex.Code}"]);
            }
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not Guid id) return NotFound();
        try
        {
            await commands.DeleteAsync(OrgId, id, User.ToActor(), ct);
            Flash("Admin.Deleted");
            return Redirect("/Admin/Members");
        }
        catch (DomainException ex)
        {
            Problem(ex);
            return Redirect($"/Admin/Members/Edit/{id}");
        }
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        Sectors = await db.Sectors.AsNoTracking().Where(s => s.OrganizationId == OrgId).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        Committees = await db.Committees.AsNoTracking().Where(c => c.OrganizationId == OrgId).OrderBy(c => c.SortOrder)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        Groups = await db.Members.AsNoTracking().Where(m => m.OrganizationId == OrgId && m.Group != null)
            .Select(m => m.Group!).Distinct().OrderBy(g => g).ToListAsync(ct);
        if (Id is Guid id) Participations = await db.Participants.CountAsync(p => p.MemberId == id, ct);
    }
}
