using System.Text.RegularExpressions;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>The named placeholders of a minutes template (<c>{{name}}</c>) and how they are filled.</summary>
public static partial class MinutesPlaceholders
{
    /// <summary>Every placeholder the compiler fills, in document order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "title", "session_title", "number", "issuer", "date", "overview", "attendance", "agenda", "briefings", "speeches",
        "public_opinion", "polls", "votes", "questionnaires", "consensus", "disagreements", "recommendations", "next_steps",
        "distribution",
    ];

    /// <summary>The placeholder names used in <paramref name="template"/>, known or not.</summary>
    public static IReadOnlySet<string> Used(string template) =>
        Pattern().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Used names the compiler does not know (shown to staff when they save a template).</summary>
    public static IReadOnlyList<string> Unknown(string template) => Used(template).Where(n => !All.Contains(n)).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Replaces each known placeholder with its value in one pass, so a value is never scanned again (a comment
    /// quoting <c>{{recommendations}}</c> stays text). Unknown placeholders stay as written.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v.TrimEnd('\n') : m.Value);

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Pattern();
}
