using System.Text.RegularExpressions;
using Deliberation.Core.Minutes.Compiling;

namespace Deliberation.Core.Minutes;

/// <summary>
/// Reads the recommendations back out of a document as reviewers left it: every list line outside internal
/// passages that carries a source link to an outcome. The wording is the reviewed one; the proposed
/// department and the sources come from the recorded outcome.
/// </summary>
public static partial class RecommendationReader
{
    /// <summary>Outcome ids with the reviewed plain-text wording, in document order.</summary>
    public static IReadOnlyList<(Guid OutcomeId, string Text)> Read(string markdown)
    {
        var found = new List<(Guid, string)>();
        foreach (var line in MinutesMarkup.Lines(MinutesMarkup.RemoveInternal(markdown)))
        {
            var m = Item().Match(line);
            if (!m.Success || !Guid.TryParse(m.Groups["id"].Value, out var id) || found.Any(f => f.Item1 == id)) continue;
            var text = MarkdownText.Unescape(Handler().Replace(m.Groups["text"].Value.Trim(), "")).Replace("**", "").Trim();
            found.Add((id, text));
        }
        return found;
    }

    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-*+])\s+(?<text>.*?)\s*\[↗\]\(/admin/minutes/source/outcome/(?<id>[0-9a-fA-F-]{36})\)\s*$")]
    private static partial Regex Item();

    // The trailing "（建议承办单位：…）" (any label ending in a full-width colon) is metadata, not wording.
    [GeneratedRegex(@"（[^（）]{1,12}：[^（）]*）$")]
    private static partial Regex Handler();
}
