using System.Buffers.Text;

namespace Deliberation.Bench.Core;

/// <summary>
/// The text a publisher sends: <c>b|{message id}|{send timestamp}</c> (Stopwatch ticks of this process), so a viewer
/// in the same process computes the end-to-end latency and which message it got, without allocating.
/// </summary>
public static class CommentStamp
{
    public static string Format(int message, long timestamp) => $"b|{message}|{timestamp}";

    /// <summary>Parses a UTF-8 stamp; false when the text is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out int message, out long timestamp)
    {
        message = 0;
        timestamp = 0;
        if (text.Length < 5 || text[0] != (byte)'b' || text[1] != (byte)'|') return false;
        text = text[2..];
        if (!Utf8Parser.TryParse(text, out message, out var used) || used >= text.Length || text[used] != (byte)'|') return false;
        text = text[(used + 1)..];
        return Utf8Parser.TryParse(text, out timestamp, out used) && used == text.Length;
    }
}
