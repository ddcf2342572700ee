using System.Text.RegularExpressions;

namespace Deliberation.Core.Minutes;

/// <summary>
/// The two Markdown conventions of minutes. Internal passages (内部掌握) are custom containers
/// (<c>::: internal</c> … <c>:::</c>, see <see cref="MinutesSyntax.IsInternal"/>); the public version drops them
/// as the syntax tree reviewers see says. Source links (<c>[↗](/admin/minutes/source/{kind}/{id})</c>) lead
/// reviewers to the record; the public version drops them too.
/// </summary>
public static partial class MinutesMarkup
{
    /// <summary>Path prefix of source links.</summary>
    public const string SourcePrefix = "/admin/minutes/source/";

    /// <summary>A source link for a record of <paramref name="kind"/> (speech, question, comment, poll, vote, questionnaire, outcome).</summary>
    public static string SourceLink(string kind, Guid id) => $"[↗]({SourcePrefix}{kind}/{id})";

    /// <summary>
    /// The public version — the one function every public page and download takes its text from: internal
    /// passages and source links removed, blank runs collapsed. Passages are cut again after the links go, in
    /// case removing a link joined characters into a new fence.
    /// </summary>
    public static string ToPublic(string markdown) =>
        CollapseBlankLines(MinutesSyntax.RemoveInternal(RemoveSourceLinks(MinutesSyntax.RemoveInternal(markdown))));

    /// <summary>Drops internal passages (see <see cref="MinutesSyntax.RemoveInternal"/>).</summary>
    public static string RemoveInternal(string markdown) => MinutesSyntax.RemoveInternal(markdown);

    /// <summary>Drops source links and the space before them.</summary>
    public static string RemoveSourceLinks(string markdown) => SourceLinkPattern().Replace(markdown, "");

    /// <summary>The lines of a text, with CR LF or LF endings.</summary>
    public static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static string CollapseBlankLines(string markdown) => BlankRun().Replace(markdown, "\n\n").TrimEnd() + "\n";

    [GeneratedRegex(@" ?\[↗\]\(/admin/minutes/source/[a-z]+/[0-9a-fA-F-]{36}\)")]
    private static partial Regex SourceLinkPattern();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRun();
}
