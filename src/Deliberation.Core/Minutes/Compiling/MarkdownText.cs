using System.Text;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>
/// Puts people's text into Markdown as inert text: every Markdown-significant character is backslash-escaped
/// and line breaks become spaces, so a comment cannot open a link, an image, a heading, a list, a table cell,
/// an internal passage or a placeholder.
/// </summary>
public static class MarkdownText
{
    private const string Significant = "\\`*_{}[]()<>#+-.!|~:&\"'=$^@";

    /// <summary>The text, escaped and on one line.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        var lastSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = c == ' ';
            if (Significant.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, ending with an ellipsis when cut.</summary>
    public static string Clip(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var t = text.Trim();
        return t.Length <= max ? t : t[..max].TrimEnd() + "……";
    }

    /// <summary>Undoes <see cref="Escape"/> (for reading recommendations back out of a document).</summary>
    public static string Unescape(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && Significant.Contains(markdown[i + 1])) i++;
            sb.Append(markdown[i]);
        }
        return sb.ToString();
    }

    /// <summary>A pipe table; cells must already be escaped.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows) sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        return sb.ToString();
    }
}
