using System.Net;

namespace Deliberation.Web.Features.Minutes;

/// <summary>A stand-alone HTML page of minutes for download and for printing to PDF, in the official-document look.</summary>
public sealed class MinutesDocumentHtml(MinutesRenderer renderer)
{
    // Page numbers come from the @page margin box, so Chromium's own header and footer stay off.
    private const string Css = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm;
          @bottom-center { content: "— " counter(page) " —"; font: 14pt "Noto Serif CJK SC", "FangSong", "仿宋", serif; } }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; max-width: 156mm; font: 16pt/28pt "Noto Serif CJK SC", "FangSong", "仿宋", serif; color: #000; }
        h1 { font-size: 22pt; line-height: 36pt; text-align: center; margin: 12pt 0; }
        h1 + p { text-align: center; text-indent: 0; font-size: 14pt; margin-bottom: 18pt; }
        h2 { font: 16pt/28pt "Noto Sans CJK SC", "SimHei", "黑体", sans-serif; margin: 8pt 0 0; }
        h3 { font-size: 16pt; margin: 0; }
        p { margin: 0; text-indent: 2em; }
        ul, ol { margin: 0; padding-left: 2em; }
        li p { text-indent: 0; }
        table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 12pt; line-height: 1.5; }
        th, td { border: 0.75pt solid #000; padding: 2pt 5pt; text-align: left; vertical-align: top; }
        th { font-weight: bold; }
        hr { border: 0; border-top: 1.5pt solid #a4262c; margin: 18pt 0 6pt; }
        hr ~ p { text-indent: 0; }
        .internal { background: #fff3dc; border-left: 3pt solid #a35a00; padding: 0 6pt; }
        a { color: inherit; text-decoration: none; }
        """;

    public string Render(string markdown, string title)
    {
        var body = renderer.ToHtml(markdown);
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>{Css}</style>
            </head>
            <body>
            <article class="minutes-doc">
            {body}
            </article>
            </body>
            </html>
            """;
    }
}
