using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace Deliberation.Core.Minutes;

/// <summary>
/// The one Markdown reading of minutes: the pipeline reviewers' preview, the downloads and the public version
/// all parse with, and the one rule for what is an internal passage (内部掌握). The public version is cut from
/// this tree, so whatever reviewers see shaded as internal is exactly what the public never gets.
/// </summary>
public static class MinutesSyntax
{
    /// <summary>Class that marks an internal passage.</summary>
    public const string InternalClass = "internal";

    /// <summary>Raw HTML disabled, pipe tables, custom containers (<c>::: name</c> … <c>:::</c>, any colon count from 3).</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        .DisableHtml()
        .Build();

    /// <summary>The syntax tree of <paramref name="markdown"/> (line ends as given; positions index into it).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Whether a block is an internal passage: a custom container named <c>internal</c> (any case, any arguments
    /// after the name) or carrying the class <c>.internal</c> in braces (<c>::: {.internal}</c>).
    /// </summary>
    public static bool IsInternal(Block block)
    {
        if (block is not CustomContainer c) return false;
        if (string.Equals(c.Info, InternalClass, StringComparison.OrdinalIgnoreCase)) return true;
        var head = $"{c.Info} {c.Arguments}".Trim();
        if (!head.StartsWith('{')) return false;
        var end = head.IndexOf('}');
        var inside = end < 0 ? head[1..] : head[1..end];
        return inside.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => string.Equals(t, "." + InternalClass, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The internal passages of a parsed document, outermost only (an inner one goes with its outer one).</summary>
    public static IEnumerable<CustomContainer> InternalPassages(MarkdownDocument doc) =>
        doc.Descendants<CustomContainer>().Where(IsInternal).Where(c => !Ancestors(c).Any(IsInternal));

    /// <summary>
    /// Drops every internal passage: the whole source lines each one spans in the tree, fences included, so a
    /// passage inside a list item or a block quote goes with its markers. An unclosed passage runs as far as the
    /// tree says (to the end of its list item, quote or the document). The cut text is parsed again until no
    /// passage is left, since a cut may let lines regroup.
    /// </summary>
    public static string RemoveInternal(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n").Replace('\r', '\n');
        for (var round = 0; round < 16; round++)
        {
            var passages = InternalPassages(Parse(text)).Select(c => (c.Span.Start, c.Span.End)).ToList();
            if (passages.Count == 0) return text;
            text = CutLines(text, passages);
        }
        throw new InvalidOperationException("internal passages keep reappearing after cutting");
    }

    /// <summary>Whether the text holds any internal passage as reviewers see it.</summary>
    public static bool HasInternal(string markdown) => InternalPassages(Parse(markdown.Replace("\r\n", "\n"))).Any();

    private static IEnumerable<Block> Ancestors(Block block)
    {
        for (var p = block.Parent; p is not null; p = p.Parent) yield return p;
    }

    private static string CutLines(string text, List<(int Start, int End)> spans)
    {
        var drop = new bool[text.Length + 1];
        foreach (var (start, end) in spans)
        {
            // Widen to whole lines: from the line start before the span to the line end after it, newline included.
            var from = Math.Clamp(start, 0, text.Length);
            while (from > 0 && text[from - 1] != '\n') from--;
            var to = Math.Clamp(end, from, Math.Max(text.Length - 1, 0));
            while (to < text.Length && text[to] != '\n') to++;
            for (var i = from; i <= Math.Min(to, text.Length - 1); i++) drop[i] = true;
        }
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++) if (!drop[i]) sb.Append(text[i]);
        return sb.ToString();
    }
}
