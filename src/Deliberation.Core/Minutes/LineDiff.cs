namespace Deliberation.Core.Minutes;

/// <summary>What happened to a line between two versions.</summary>
public enum DiffKind
{
    /// <summary>In both.</summary>
    Same,
    /// <summary>Only in the older version.</summary>
    Removed,
    /// <summary>Only in the newer version.</summary>
    Added,
}

/// <summary>One line of a diff.</summary>
/// <param name="Kind">Same, removed or added.</param>
/// <param name="Text">The line.</param>
/// <param name="OldNo">Line number in the older version, from 1.</param>
/// <param name="NewNo">Line number in the newer version, from 1.</param>
public sealed record DiffLine(DiffKind Kind, string Text, int? OldNo, int? NewNo);

/// <summary>A line diff by longest common subsequence, after trimming the common head and tail.</summary>
public static class LineDiff
{
    /// <summary>The lines of <paramref name="newer"/> against <paramref name="older"/>, in order.</summary>
    public static IReadOnlyList<DiffLine> Compute(string older, string newer)
    {
        var a = MinutesMarkup.Lines(older.TrimEnd('\n')).ToArray();
        var b = MinutesMarkup.Lines(newer.TrimEnd('\n')).ToArray();
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < head; i++) result.Add(new DiffLine(DiffKind.Same, a[i], i + 1, i + 1));
        Middle(a, b, head, a.Length - tail, b.Length - tail, result);
        for (var k = tail; k > 0; k--) result.Add(new DiffLine(DiffKind.Same, a[^k], a.Length - k + 1, b.Length - k + 1));
        return result;
    }

    private static void Middle(string[] a, string[] b, int start, int aEnd, int bEnd, List<DiffLine> result)
    {
        int n = aEnd - start, m = bEnd - start;
        // lcs[i, j] = LCS length of a[start+i..aEnd) and b[start+j..bEnd)
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[start + x], start + x + 1, start + y + 1));
                x++; y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Removed before added, so a changed line reads old-then-new.
                result.Add(new DiffLine(DiffKind.Removed, a[start + x], start + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[start + y], null, start + y + 1));
                y++;
            }
        }
    }
}
