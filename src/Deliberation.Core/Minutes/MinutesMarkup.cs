using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Core.Minutes;

/// <summary>
/// The two Markdown conventions of minutes. Internal passages (内部掌握) are the lines between a line
/// <c>::: internal</c> and the next line <c>:::</c>; the public version drops them. Source links
/// (<c>[↗](/admin/minutes/source/{kind}/{id})</c>) lead reviewers to the record; the public version drops them too.
/// </summary>
public static partial class MinutesMarkup
{
    /// <summary>Opening line of an internal passage.</summary>
    public const string InternalOpen = "::: internal";
    /// <summary>Closing line of an internal passage.</summary>
    public const string InternalClose = ":::";
    /// <summary>Path prefix of source links.</summary>
    public const string SourcePrefix = "/admin/minutes/source/";

    /// <summary>A source link for a record of <paramref name="kind"/> (speech, question, comment, poll, vote, questionnaire, outcome).</summary>
    public static string SourceLink(string kind, Guid id) => $"[↗]({SourcePrefix}{kind}/{id})";

    /// <summary>The public version: internal passages and source links removed, blank runs collapsed.</summary>
    public static string ToPublic(string markdown) => CollapseBlankLines(RemoveSourceLinks(RemoveInternal(markdown)));

    /// <summary>Drops internal passages. An unclosed passage runs to the end (safer to hide too much than too little).</summary>
    public static string RemoveInternal(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        var inside = false;
        foreach (var line in Lines(markdown))
        {
            var t = line.Trim();
            if (!inside && IsOpen(t)) { inside = true; continue; }
            if (inside) { if (t == InternalClose) inside = false; continue; }
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Whether a trimmed line opens an internal passage (<c>::: internal</c> or <c>:::internal</c>).</summary>
    public static bool IsOpen(string trimmedLine) =>
        trimmedLine.StartsWith(":::", StringComparison.Ordinal) && trimmedLine[3..].Trim() == "internal";

    /// <summary>Drops source links and the space before them.</summary>
    public static string RemoveSourceLinks(string markdown) => SourceLinkPattern().Replace(markdown, "");

    /// <summary>Whether the text holds any internal passage.</summary>
    public static bool HasInternal(string markdown) => Lines(markdown).Any(l => IsOpen(l.Trim()));

    /// <summary>The lines of a text, with CR LF or LF endings.</summary>
    public static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static string CollapseBlankLines(string markdown) => BlankRun().Replace(markdown, "\n\n").TrimEnd() + "\n";

    [GeneratedRegex(@" ?\[↗\]\(/admin/minutes/source/[a-z]+/[0-9a-fA-F-]{36}\)")]
    private static partial Regex SourceLinkPattern();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRun();
}
