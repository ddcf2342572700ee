using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.Errors;

/// <summary>Friendly pages for 400, 403, 404, 429 and 500. A 500 shows the correlation id that the log carries with the exception.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class StatusModel(ILogger<StatusModel> logger) : PageModel
{
    public int Code { get; private set; }
    public string TitleKey { get; private set; } = "Error.500";
    public string? CorrelationId { get; private set; }
    /// <summary>The hint under the title: what went wrong, when a refusal named it (<see cref="Infrastructure.BadInput"/>).</summary>
    public string HintKey { get; private set; } = "Error.500.Hint";

    public void OnGet(int code) => Handle(code);
    public void OnPost(int code) => Handle(code);

    private void Handle(int code)
    {
        Code = code;
        TitleKey = code switch { 403 => "Error.403", 404 => "Error.404", 400 => "Error.400", 429 => "Error.429", _ => "Error.500" };
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            Code = 500;
            CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
            LogFailure(logger, CorrelationId, failure.Path, failure.Error);
        }
        HintKey = Code == 400 && HttpContext.Items[Infrastructure.BadInput.HintKey] is string hint ? hint : TitleKey + ".Hint";
        Response.StatusCode = Code;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error {CorrelationId} on {Path}")]
    private static partial void LogFailure(ILogger logger, string correlationId, string path, Exception error);
}
