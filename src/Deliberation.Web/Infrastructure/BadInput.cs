using System.Text.Json;
using Deliberation.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Infrastructure;

/// <summary>
/// Refuses requests that carry text PostgreSQL (or any reader) cannot take — NUL, lone surrogates, control characters
/// other than tab and line breaks — in the query, a form field, an uploaded file's name or a JSON body, before any page
/// or endpoint sees them; and turns a malformed request (<see cref="BadHttpRequestException"/>, a failed antiforgery
/// check) into a 400 instead of a 500. Pages get the localised 400 page (the status-code page runs after this returns),
/// <c>/api</c> a problem response. Each refusal is one line at Information: expected, not an error.
/// </summary>
public sealed partial class BadInput(RequestDelegate next, ILogger<BadInput> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key naming the hint the 400 page shows.</summary>
    public const string HintKey = "BadInput.Hint";

    /// <summary>The hint for text that cannot be stored.</summary>
    public const string InvalidTextHint = "Error.400.InvalidText";

    /// <summary>The hint for a form whose security token is missing or stale.</summary>
    public const string AntiforgeryHint = "Error.400.Antiforgery";

    private const long MaxJsonToCheck = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // An error page re-runs the failed request, a POST included. It must not read that request's form: reading
            // it after a failed antiforgery check throws (the cause of the 500 instead of 400), and its text is what
            // was refused. The page gets an empty form.
            http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/hubs"))
        {
            // The hub checks its own calls (RoomHubFilter) and answers with a typed code.
            await next(http);
            return;
        }
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
        {
            // A minimal-API form with a missing or stale token (Razor Pages check their own and answer 400 too):
            // refused here, before anything reads the form (which ASP.NET Core forbids for such a request).
            // The check fails too when the form cannot be decoded at all (a NUL): then the text is what is wrong.
            var undecodable = antiforgery.Error?.InnerException is InvalidDataException;
            LogMalformed(logger, http.Request.Method, http.Request.Path, antiforgery.Error?.GetBaseException().Message ?? "antiforgery token invalid");
            await RefuseAsync(http, StatusCodes.Status400BadRequest, undecodable ? InvalidTextHint : AntiforgeryHint);
            return;
        }
        var field = await FindInvalidAsync(http.Request);
        if (field is not null)
        {
            LogRefused(logger, http.Request.Method, http.Request.Path, field);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, InvalidTextHint);
            return;
        }
        try
        {
            await next(http);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or AntiforgeryValidationException && !http.Response.HasStarted)
        {
            var status = ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status400BadRequest;
            LogMalformed(logger, http.Request.Method, http.Request.Path, ex.Message);
            http.Response.Clear();
            await RefuseAsync(http, status, ex is AntiforgeryValidationException ? AntiforgeryHint : "Error.400.Hint");
        }
    }

    private static async Task RefuseAsync(HttpContext http, int status, string hint)
    {
        http.Response.StatusCode = status;
        http.Items[HintKey] = hint;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await Results.Problem(statusCode: status, title: l["Error.400"], detail: l[hint]).ExecuteAsync(http);
        }
        // Pages: no body, so the status-code page (/Error/400) renders the hint in the user's language.
    }

    /// <summary>The name of the first query, form or JSON field whose text cannot be stored, or null.</summary>
    private static async Task<string?> FindInvalidAsync(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (!Text.IsStorable(key) || values.Any(v => !Text.IsStorable(v))) return Safe(key);
        }
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException ex) when (ex.InnerException is InvalidOperationException)
            {
                // ASP.NET Core's form decoder refuses a NUL (%00) outright; left to the page, that was a 500 (and, behind
                // Kestrel, a response without a status line). It is bad text like any other.
                return "(form)";
            }
            foreach (var (key, values) in form)
            {
                if (!Text.IsStorable(key) || values.Any(v => !Text.IsStorable(v))) return Safe(key);
            }
            foreach (var file in form.Files)
            {
                if (!Text.IsStorable(file.FileName, multiline: false)) return Safe(file.Name);
            }
        }
        else if (request.HasJsonContentType() && request.ContentLength is null or <= MaxJsonToCheck)
        {
            return await FindInvalidJsonAsync(request);
        }
        return null;
    }

    private static async Task<string?> FindInvalidJsonAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (body.Length > MaxJsonToCheck) return null;
        var reader = new Utf8JsonReader(body.GetBuffer().AsSpan(0, (int)body.Length));
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) continue;
                string? value;
                try
                {
                    value = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return Safe(property ?? "json"); // invalid UTF-8 or a lone surrogate escape (\ud800)
                }
                if (!Text.IsStorable(value)) return Safe(property ?? "json");
                if (reader.TokenType == JsonTokenType.PropertyName) property = value;
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the endpoint's own binding answers that.
        }
        return null;
    }

    /// <summary>A field name fit for a log line.</summary>
    private static string Safe(string name) => Text.IsStorable(name, multiline: false) && name.Length <= 64 ? name : "(unprintable)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: field {Field} holds text that cannot be stored")]
    private static partial void LogRefused(ILogger logger, string method, string path, string field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} as malformed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string method, string path, string reason);
}
