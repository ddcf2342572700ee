using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Minutes;

[Authorize(Policy = WebSetup.ManagersPolicy)]
public sealed class TemplateModel(MinutesCommands commands, MinutesTemplateStore templates, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string Markdown { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Markdown = await templates.GetAsync(await OrganizationAsync(ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await SaveAsync(Markdown, ct);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) => await SaveAsync(MinutesResources.DefaultTemplate, ct);

    private async Task<IActionResult> SaveAsync(string markdown, CancellationToken ct)
    {
        try
        {
            await commands.SaveTemplateAsync(await OrganizationAsync(ct), markdown, User.ToActor(), ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l[$"Error.{ex.Code}"]);
            return Page();
        }
        var unknown = MinutesPlaceholders.Unknown(markdown);
        TempData["Flash"] = unknown.Count == 0 ? l["Minutes.TemplateSaved"].Value
            : l["Minutes.TemplateSaved"].Value + " " + l["Minutes.TemplateUnknown", string.Join(", ", unknown)].Value;
        return Redirect("/Admin/Minutes/Template");
    }

    private Task<Guid> OrganizationAsync(CancellationToken ct) => Task.FromResult(User.RequiredOrganizationId());
}
