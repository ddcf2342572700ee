using Deliberation.Core.Consultations;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin;

/// <summary>
/// An admin page that works on the signed-in user's body: <see cref="OrgId"/> scopes every query and command.
/// Accounts that belong to no body get 403, because their pages would otherwise see every body's data.
/// </summary>
public abstract class AdminPageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    protected Guid OrgId { get; private set; }

    protected IStringLocalizer<SharedResource> Strings => l;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.OrganizationId() is not Guid org)
        {
            context.Result = Forbid();
            return;
        }
        OrgId = org;
        await next();
    }

    protected void Flash(string key, params object[] args) => TempData["Flash"] = l[key, args].Value;

    /// <summary>A refusal shown on the next page in the red problem banner (see <c>_Problem.cshtml</c>).</summary>
    protected void Problem(DomainException ex) => Problem($"Error.{ex.Code}");

    protected void Problem(string key) => TempData["Problem"] = l[key].Value;

    /// <summary>Puts field errors from Core under the form's prefix, e.g. <c>Input.Name</c>.</summary>
    protected void AddErrors(ValidationFailedException ex, string prefix)
    {
        foreach (var (field, code) in ex.Errors) ModelState.AddModelError($"{prefix}.{field}", l[code]);
    }
}
