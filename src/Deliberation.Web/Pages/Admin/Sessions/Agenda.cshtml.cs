using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Sessions;

public sealed class AgendaModel(HubDbContext db, AgendaCommands commands, IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The item in the edit form, from <c>?edit=</c>; null while adding.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public Guid? EditId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string Title { get; set; } = "";

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string? Presenter { get; set; }

        [Range(0, AgendaItemDraft.MaxMinutes, ErrorMessage = "Validation.MinutesRange")]
        public int? Minutes { get; set; }
    }

    public SessionHead Session { get; private set; } = null!;
    public List<AgendaItem> Items { get; private set; } = [];
    public int TotalMinutes => Items.Sum(i => i.DurationMinutes);
    public int PlannedMinutes => (int)(Session.EndsAt - Session.StartsAt).TotalMinutes;
    private string Here => $"/Admin/Sessions/Agenda/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (EditId is Guid id)
        {
            if (Items.SingleOrDefault(i => i.Id == id) is not { } item) return NotFound();
            Input = new InputModel { Title = item.Title, Presenter = item.Presenter, Minutes = item.DurationMinutes };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var draft = new AgendaItemDraft(Input.Title, Input.Presenter, Input.Minutes ?? 0);
        try
        {
            if (EditId is Guid itemId) await commands.UpdateAsync(OrgId, Id, itemId, draft, User.ToActor(), ct);
            else await commands.AddAsync(OrgId, Id, draft, User.ToActor(), ct);
            Flash("Admin.Saved");
            return Redirect(Here);
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, nameof(Input));
            return Page();
        }
        catch (DomainException ex)
        {
            Problem(ex);
            return Redirect(Here);
        }
    }

    public Task<IActionResult> OnPostMoveAsync(Guid item, int position, CancellationToken ct) =>
        ActAsync(() => commands.MoveAsync(OrgId, Id, item, position, User.ToActor(), ct), null);

    public Task<IActionResult> OnPostDeleteAsync(Guid item, CancellationToken ct) =>
        ActAsync(() => commands.DeleteAsync(OrgId, Id, item, User.ToActor(), ct), "Admin.Deleted");

    private async Task<IActionResult> ActAsync(Func<Task> act, string? doneKey)
    {
        try
        {
            await act();
            if (doneKey is not null) Flash(doneKey);
        }
        catch (DomainException ex)
        {
            Problem(ex);
        }
        return Redirect(Here);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var head = await db.Consultations.AsNoTracking().Where(c => c.Id == Id && c.OrganizationId == OrgId)
            .Select(c => new SessionHead(c.Id, c.Title, c.Status, c.StartsAt, c.EndsAt)).SingleOrDefaultAsync(ct);
        if (head is null) return false;
        Session = head;
        Items = await db.AgendaItems.AsNoTracking().Where(a => a.ConsultationId == Id).OrderBy(a => a.Order).ToListAsync(ct);
        return true;
    }
}
