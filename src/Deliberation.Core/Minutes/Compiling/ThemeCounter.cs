namespace Deliberation.Core.Minutes.Compiling;

/// <summary>
/// Finds the main themes of many short Chinese texts without a dictionary: each text is cut into runs of Han
/// characters at punctuation, Latin text and stop words; every 2–4-character n-gram of a run counts once per
/// text; an n-gram that mostly occurs inside a longer, at-least-as-frequent one is suppressed. Memory stays
/// bounded: when the table grows past its cap, the rarest n-grams are pruned (lossy counting).
/// </summary>
public sealed class ThemeCounter(IEnumerable<string> stopWords, int cap = 400_000)
{
    private readonly Dictionary<char, string[]> _stopWords = stopWords.Where(w => w.Length > 0).Distinct()
        .GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _floor;

    /// <summary>Texts added so far.</summary>
    public int Texts { get; private set; }

    /// <summary>Counts the n-grams of one text.</summary>
    public void Add(string text)
    {
        Texts++;
        _seen.Clear();
        foreach (var run in Runs(text))
        {
            for (var n = 2; n <= 4; n++)
            {
                for (var i = 0; i + n <= run.Length; i++)
                {
                    var gram = run.Substring(i, n);
                    if (_seen.Add(gram)) _counts[gram] = _counts.GetValueOrDefault(gram) + 1;
                }
            }
        }
        if (_counts.Count > cap) Prune();
    }

    /// <summary>The <paramref name="top"/> themes with the number of texts mentioning each, most frequent first.</summary>
    public IReadOnlyList<(string Theme, int Count)> Top(int top, int minCount = 2)
    {
        var candidates = _counts.Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(top * 20).ToList();
        var chosen = new List<(string Theme, int Count)>();
        foreach (var (gram, count) in candidates)
        {
            // Suppressed when a longer n-gram holds most of its occurrences (加装电 inside 加装电梯).
            var inLonger = candidates.Any(o => o.Key.Length > gram.Length && o.Value * 4 >= count * 3 && o.Key.Contains(gram, StringComparison.Ordinal));
            // Or when it is a longer n-gram that merely extends a chosen theme by a stray character.
            var extendsChosen = chosen.Any(c => gram.Contains(c.Theme, StringComparison.Ordinal) && count * 4 < c.Count * 3);
            // Or when it is a window slid one character off a chosen theme (层住户补 next to 住户补偿).
            var slid = gram.Length >= 3 && chosen.Any(c => c.Count >= count && c.Theme.Length == gram.Length
                && (c.Theme.StartsWith(gram[1..], StringComparison.Ordinal) || c.Theme.EndsWith(gram[..^1], StringComparison.Ordinal)));
            if (inLonger || extendsChosen || slid) continue;
            chosen.Add((gram, count));
            if (chosen.Count == top) break;
        }
        return chosen;
    }

    private IEnumerable<string> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && IsHan(text[i]);
            if (han)
            {
                var stop = StopWordAt(text, i);
                if (stop > 0)
                {
                    if (start >= 0 && i - start >= 2) yield return text[start..i];
                    start = -1;
                    i += stop - 1;
                    continue;
                }
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                if (i - start >= 2) yield return text[start..i];
                start = -1;
            }
        }
    }

    private int StopWordAt(string text, int i)
    {
        if (!_stopWords.TryGetValue(text[i], out var words)) return 0;
        foreach (var w in words)
        {
            if (string.CompareOrdinal(text, i, w, 0, w.Length) == 0) return w.Length;
        }
        return 0;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private void Prune()
    {
        _floor++;
        var rare = _counts.Where(kv => kv.Value <= _floor).Select(kv => kv.Key).ToList();
        foreach (var k in rare) _counts.Remove(k);
    }
}
