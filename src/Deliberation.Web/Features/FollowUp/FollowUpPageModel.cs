using Deliberation.Core.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>
/// Runs one workflow step from a form: on success a flash message and a redirect back (post/redirect/get); on a
/// broken rule the page again with the localized error next to the field or above the actions.
/// </summary>
public abstract class FollowUpPageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    protected IStringLocalizer<SharedResource> Strings => l;

    protected async Task<IActionResult> ActAsync(Func<Task> step, string doneKey, Func<Task<IActionResult>> showAgain, Func<string, string>? fieldKey = null)
    {
        try
        {
            await step();
            TempData["Flash"] = l[doneKey].Value;
            return Redirect(Request.Path);
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, code) in ex.Errors)
            {
                ModelState.AddModelError(fieldKey is null ? field : fieldKey(field), l[code]);
            }
            ModelState.AddModelError(string.Empty, l["Error.validation.failed"]);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l[$"Error.{ex.Code}"]);
        }
        return await showAgain();
    }

    /// <summary>Errors of a form whose inputs are named <c>prefix.Field</c>.</summary>
    protected static Func<string, string> Prefixed(string prefix) => field => $"{prefix}.{field}";

    /// <summary>Errors of a one-field form all belong to that field.</summary>
    protected static Func<string, string> Only(string name) => _ => name;
}
