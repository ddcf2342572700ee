namespace Deliberation.Bench.Core;

/// <summary>
/// Finds comment stamps in an event batch without tokenising the JSON: every server under test writes an event's
/// <c>"seq":N</c> before its data and a bench comment's text as <c>"text":"b|…"</c> (ASCII, never escaped), so a
/// vectorised search for those two markers is enough. This keeps the generator cheap at half a million deliveries a
/// second; a stamp that does not parse is skipped, so a non-bench text can never count as a delivery.
/// </summary>
public static class StampScanner
{
    private static ReadOnlySpan<byte> SeqMarker => "\"seq\":"u8;
    private static ReadOnlySpan<byte> TextMarker => "\"text\":\""u8;

    /// <summary>Calls <paramref name="found"/> with (seq, message, sent timestamp) for each stamp, in order; returns the highest seq seen.</summary>
    public static long Scan<TState>(ReadOnlySpan<byte> json, ref TState state, StampFound<TState> found)
    {
        long seq = 0, highest = 0;
        var i = 0;
        while (i < json.Length)
        {
            var rest = json[i..];
            var s = rest.IndexOf(SeqMarker);
            var t = rest.IndexOf(TextMarker);
            if (s < 0 && t < 0) break;
            if (s >= 0 && (t < 0 || s < t))
            {
                var from = s + SeqMarker.Length;
                if (System.Buffers.Text.Utf8Parser.TryParse(rest[from..], out long n, out var used))
                {
                    seq = n;
                    if (n > highest) highest = n;
                }
                i += from;
                continue;
            }
            var start = t + TextMarker.Length;
            var end = rest[start..].IndexOf((byte)'"');
            if (end < 0) break;
            if (CommentStamp.TryParse(rest.Slice(start, end), out var message, out var sentAt)) found(ref state, seq, message, sentAt);
            i += start + end + 1;
        }
        return highest;
    }
}

/// <summary>One stamp found by <see cref="StampScanner.Scan{TState}"/>.</summary>
public delegate void StampFound<TState>(ref TState state, long seq, int message, long sentAt);
