using System.Text.Json;
using Deliberation.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
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
        // The hub checks its own calls (RoomHubFilter) and answers with a typed code; the error pages run on a request
        // already judged here.
        if (http.Request.Path.StartsWithSegments("/hubs") || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(http);
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
            if (http.Response.StatusCode == StatusCodes.Status400BadRequest && !http.Response.HasStarted
                && http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // A minimal-API form with a missing or stale token: say so on the 400 page.
                LogMalformed(logger, http.Request.Method, http.Request.Path, "antiforgery token invalid");
                http.Items[HintKey] = AntiforgeryHint;
            }
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
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
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
