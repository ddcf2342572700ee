using System.Text;
using Deliberation.Core.Minutes;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Turns a version's text into a download: Markdown as is, or HTML, Word and PDF without source links.</summary>
public sealed class MinutesDownloads(MinutesDocumentHtml html, DocxExporter docx, PdfExporter pdf)
{
    public static readonly IReadOnlyList<string> Formats = ["md", "html", "docx", "pdf"];

    public async Task<IResult> FileAsync(MinutesText text, string format, CancellationToken ct)
    {
        var printable = MinutesMarkup.RemoveSourceLinks(text.Markdown);
        switch (format)
        {
            case "md":
                return TypedResults.File(Encoding.UTF8.GetBytes(text.Markdown), "text/markdown; charset=utf-8", text.FileName("md"));
            case "html":
                return TypedResults.File(Encoding.UTF8.GetBytes(html.Render(printable, text.Title)), "text/html; charset=utf-8", text.FileName("html"));
            case "docx":
                using (var stream = new MemoryStream())
                {
                    docx.Write(printable, stream);
                    return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", text.FileName("docx"));
                }
            case "pdf":
                var bytes = await pdf.PrintAsync(html.Render(printable, text.Title), ct);
                return TypedResults.File(bytes, "application/pdf", text.FileName("pdf"));
            default:
                return TypedResults.NotFound();
        }
    }
}
