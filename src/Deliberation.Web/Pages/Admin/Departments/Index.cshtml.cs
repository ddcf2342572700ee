using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Departments;

public sealed class IndexModel(HubDbContext db, DepartmentCommands commands, IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    public sealed record Row(Guid Id, string Name, string? Contact, int ParticipantCount);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string Name { get; set; } = "";

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string? Contact { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The department in the edit form, from <c>?edit=</c>; null while adding.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public Guid? EditId { get; set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await LoadAsync(ct);
        if (EditId is Guid id)
        {
            if (Rows.SingleOrDefault(r => r.Id == id) is not { } row) return NotFound();
            Input = new InputModel { Name = row.Name, Contact = row.Contact };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var draft = new DepartmentDraft(Input.Name, Input.Contact);
            try
            {
                if (EditId is Guid id) await commands.UpdateAsync(OrgId, id, draft, User.ToActor(), ct);
                else await commands.AddAsync(OrgId, draft, User.ToActor(), ct);
                Flash("Admin.Saved");
                return Redirect("/Admin/Departments");
            }
            catch (ValidationFailedException ex)
            {
                AddErrors(ex, nameof(Input));
            }
            catch (DomainException ex)
            {
                Problem(ex);
                return Redirect("/Admin/Departments");
            }
        }
        Rows = await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await commands.DeleteAsync(OrgId, id, User.ToActor(), ct);
            Flash("Admin.Deleted");
        }
        catch (DomainException ex)
        {
            Problem(ex);
        }
        return Redirect("/Admin/Departments");
    }

    private Task<List<Row>> LoadAsync(CancellationToken ct) =>
        db.Departments.AsNoTracking().Where(d => d.OrganizationId == OrgId).OrderBy(d => d.Name)
            .Select(d => new Row(d.Id, d.Name, d.Contact, db.Participants.Count(p => p.DepartmentId == d.Id)))
            .ToListAsync(ct);
}
