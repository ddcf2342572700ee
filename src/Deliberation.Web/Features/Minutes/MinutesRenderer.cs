using Deliberation.Core.Minutes;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Markdown → HTML for minutes with the one shared pipeline (<see cref="MinutesSyntax"/>): raw HTML disabled,
/// pipe tables, and custom containers for <c>::: internal</c> passages, each rendered with the one class
/// <c>internal</c> whatever its spelling, so the shading reviewers see is the rule the public version is cut by.
/// Links go only to relative or http(s)/mailto targets; images are reduced to their alt text; level-2 and level-3
/// headings are numbered 一、 and （一）.
/// </summary>
public sealed class MinutesRenderer
{
    public MarkdownPipeline Pipeline => MinutesSyntax.Pipeline;

    /// <summary>The parsed, made-safe and numbered document.</summary>
    public MarkdownDocument Parse(string markdown)
    {
        var doc = MinutesSyntax.Parse(markdown);
        foreach (var link in doc.Descendants<LinkInline>().ToList()) Defuse(link);
        // Every spelling of an internal passage renders with the one class the shading (and the reader) knows.
        foreach (var passage in doc.Descendants<CustomContainer>().Where(MinutesSyntax.IsInternal))
        {
            passage.GetAttributes().Classes = [MinutesSyntax.InternalClass];
        }
        HeadingNumbers.Apply(doc);
        return doc;
    }

    /// <summary>An HTML fragment of the document.</summary>
    public string ToHtml(string markdown)
    {
        var doc = Parse(markdown);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Whether a block is an internal passage (<see cref="MinutesSyntax.IsInternal"/>).</summary>
    public static bool IsInternal(Block block) => MinutesSyntax.IsInternal(block);

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = url.Trim();
        if (u.StartsWith("//", StringComparison.Ordinal) || u.StartsWith("/\\", StringComparison.Ordinal)) return false;
        return u[0] is '/' or '#'
            || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsSourceLink(LinkInline link) => link.Url?.StartsWith(MinutesMarkup.SourcePrefix, StringComparison.Ordinal) == true;

    private static void Defuse(LinkInline link)
    {
        if (!link.IsImage && IsSafeUrl(link.Url)) return;
        // An image or an unsafe link keeps only its text: nothing is fetched, nothing runs.
        var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        link.ReplaceBy(new LiteralInline(text));
    }
}
