using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin;

/// <summary>
/// An ordered list of names that members belong to (界别, 专委会): add, rename, reorder, delete on one page.
/// The concrete page names its strings and calls its Core commands; the view is <c>_NamedList.cshtml</c>.
/// </summary>
public abstract class NamedListPageModel(IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    public sealed record Row(Guid Id, string Name, int SortOrder, int MemberCount);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        public string Name { get; set; } = "";

        [Range(1, 999, ErrorMessage = "Validation.PositionRange")]
        public int Position { get; set; } = 1;
    }

    /// <summary>Route of the page, e.g. <c>/Admin/Sectors</c>.</summary>
    public abstract string Path { get; }

    /// <summary>Prefix of the page's string keys, e.g. <c>Sectors</c> for <c>Sectors.Add</c>.</summary>
    public abstract string Keys { get; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The row in the edit form, from <c>?edit=</c>; null while adding.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public Guid? EditId { get; set; }

    public List<Row> Rows { get; private set; } = [];

    protected abstract Task<List<Row>> LoadAsync(CancellationToken ct);
    protected abstract Task AddAsync(string name, CancellationToken ct);
    protected abstract Task UpdateAsync(Guid id, string name, int position, CancellationToken ct);
    protected abstract Task MoveAsync(Guid id, int position, CancellationToken ct);
    protected abstract Task DeleteAsync(Guid id, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await LoadAsync(ct);
        if (EditId is Guid id)
        {
            if (Rows.SingleOrDefault(r => r.Id == id) is not { } row) return NotFound();
            Input = new InputModel { Name = row.Name, Position = Rows.IndexOf(row) + 1 };
        }
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        SaveAsync(() => AddAsync(Input.Name, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) =>
        EditId is Guid id ? SaveAsync(() => UpdateAsync(id, Input.Name, Input.Position, ct), ct) : Task.FromResult<IActionResult>(NotFound());

    public Task<IActionResult> OnPostMoveAsync(Guid id, int position, CancellationToken ct) =>
        ActAsync(() => MoveAsync(id, position, ct), null);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => DeleteAsync(id, ct), "Admin.Deleted");

    private async Task<IActionResult> SaveAsync(Func<Task> save, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await save();
                Flash("Admin.Saved");
                return Redirect(Path);
            }
            catch (ValidationFailedException ex)
            {
                AddErrors(ex, nameof(Input));
            }
            catch (DomainException ex)
            {
                Problem(ex);
                return Redirect(Path);
            }
        }
        Rows = await LoadAsync(ct);
        return Page();
    }

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
        return Redirect(Path);
    }
}
