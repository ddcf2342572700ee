using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Sessions;

public sealed class EditModel(HubDbContext db, ConsultationCommands commands, Display display, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Consultation? Existing { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string Title { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Validation.TooLong")]
        public string? Summary { get; set; }

        public ConsultationType Type { get; set; } = ConsultationType.Online;
        public ConsultationMode Mode { get; set; } = ConsultationMode.Hybrid;

        [Required(ErrorMessage = "Validation.Required")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public DateTime? EndsAt { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? Venue { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string? HostName { get; set; }

        public PublicAccess PublicAccess { get; set; } = PublicAccess.Watch;
    }

    public IEnumerable<SelectListItem> Options<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(display.Enum(v), v.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            var start = DateTime.Today.AddDays(7).AddHours(9);
            Input = new InputModel { StartsAt = start, EndsAt = start.AddHours(2) };
            return Page();
        }
        if (!await LoadAsync(ct)) return NotFound();
        var c = Existing!;
        Input = new InputModel
        {
            Title = c.Title, Summary = c.Summary, Type = c.Type, Mode = c.Mode,
            StartsAt = display.Local(c.StartsAt), EndsAt = display.Local(c.EndsAt),
            Venue = c.Venue, HostName = c.HostName, PublicAccess = c.PublicAccess,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is not null && !await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var draft = new ConsultationDraft(Input.Title, Input.Summary, Input.Type, Input.Mode,
            Display.FromInput(Input.StartsAt!.Value), Display.FromInput(Input.EndsAt!.Value), Input.Venue, Input.HostName, Input.PublicAccess);
        try
        {
            if (Id is null)
            {
                var orgId = User.RequiredOrganizationId();
                var created = await commands.CreateAsync(orgId, draft, User.ToActor(), ct);
                TempData["Flash"] = l["Admin.Saved"].Value;
                return Redirect($"/Admin/Sessions/Edit/{created.Id}");
            }
            await commands.UpdateAsync(Id.Value, draft, User.ToActor(), ct);
            TempData["Flash"] = l["Admin.Saved"].Value;
            return Redirect($"/Admin/Sessions/Edit/{Id}");
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, code) in ex.Errors) ModelState.AddModelError($"Input.{field}", l[code]);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l[$"Error.{ex.Code}"]);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostStatusAsync(ConsultationStatus next, CancellationToken ct)
    {
        if (Id is null || !await LoadAsync(ct)) return NotFound();
        try
        {
            await commands.ChangeStatusAsync(Id.Value, next, User.ToActor(), ct);
            TempData["Flash"] = l["Admin.StatusChanged", display.Enum(next)].Value;
        }
        catch (DomainException ex)
        {
            TempData["Flash"] = l[$"Error.{ex.Code}"].Value;
        }
        return Redirect($"/Admin/Sessions/Edit/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = User.OrganizationId();
        Existing = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id && c.OrganizationId == org, ct);
        return Existing is not null;
    }
}
