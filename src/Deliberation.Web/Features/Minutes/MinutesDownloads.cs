using System.Text;
using Deliberation.Core.Minutes;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Turns a version's text into a download: Markdown as is, or HTML, Word and PDF without source links. Reviewers'
/// downloads render on request (PDF through the printer's bounded queue); public ones are rendered once at
/// publish by <see cref="RenderPublicMinutesJob"/> and served from <see cref="PublicMinutesFiles"/>.
/// </summary>
public sealed class MinutesDownloads(MinutesDocumentHtml html, DocxExporter docx, PdfExporter pdf, IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlyList<string> Formats = ["md", "html", "docx", "pdf"];

    /// <summary>Seconds a client is told to wait after a 503.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>A reviewer's download, rendered now; 503 with Retry-After when the PDF printer is busy.</summary>
    public async Task<IResult> FileAsync(MinutesText text, string format, CancellationToken ct)
    {
        if (!Formats.Contains(format)) return TypedResults.NotFound();
        try
        {
            var file = await RenderAsync(text, format, background: false, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (PdfBusyException)
        {
            return Unavailable(l["Minutes.PdfBusy"]);
        }
    }

    /// <summary>Renders one format. A background render waits for the printer as long as it takes; a foreground one may get <see cref="PdfBusyException"/>.</summary>
    public async Task<RenderedFile> RenderAsync(MinutesText text, string format, bool background, CancellationToken ct)
    {
        var printable = MinutesMarkup.RemoveSourceLinks(text.Markdown);
        switch (format)
        {
            case "md":
                return new RenderedFile(Encoding.UTF8.GetBytes(text.Markdown), "text/markdown; charset=utf-8", text.FileName("md"));
            case "html":
                return new RenderedFile(Encoding.UTF8.GetBytes(html.Render(printable, text.Title)), "text/html; charset=utf-8", text.FileName("html"));
            case "docx":
                using (var stream = new MemoryStream())
                {
                    docx.Write(printable, stream);
                    return new RenderedFile(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", text.FileName("docx"));
                }
            case "pdf":
                var page = html.Render(printable, text.Title);
                var bytes = background ? await pdf.PrintAsync(page, ct) : await pdf.PrintBoundedAsync(page, ct);
                return new RenderedFile(bytes, "application/pdf", text.FileName("pdf"));
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown minutes format");
        }
    }

    /// <summary>503 with Retry-After and a localised message.</summary>
    public static IResult Unavailable(string message) => new UnavailableResult(message);

    private sealed class UnavailableResult(string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            httpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.Problem(detail: message, statusCode: StatusCodes.Status503ServiceUnavailable, title: message).ExecuteAsync(httpContext);
        }
    }
}
