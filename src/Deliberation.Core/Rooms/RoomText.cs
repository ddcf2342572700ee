namespace Deliberation.Core.Rooms;

/// <summary>Rules for text typed into the room: trimmed, not empty, bounded, sensitive words flagged.</summary>
public static class RoomText
{
    /// <summary>Longest comment.</summary>
    public const int CommentMax = 500;
    /// <summary>Longest question.</summary>
    public const int QuestionMax = 300;
    /// <summary>Longest written statement.</summary>
    public const int StatementMax = 20000;
    /// <summary>Longest short text (reasons, topics, answers to a word cloud).</summary>
    public const int ShortMax = 200;

    /// <summary>
    /// Trims and checks <paramref name="text"/>; throws a room error when it holds characters that cannot be stored
    /// (<see cref="Common.Text.IsStorable"/>; line breaks only where <paramref name="multiline"/>), is empty, or is
    /// longer than <paramref name="max"/>.
    /// </summary>
    public static string Clean(string? text, int max, bool multiline = true)
    {
        Require(text, multiline);
        var t = (text ?? "").Replace("\r\n", "\n").Trim();
        if (t.Length == 0) throw RoomErrors.Fail(RoomErrors.Empty);
        if (t.Length > max) throw RoomErrors.Fail(RoomErrors.TooLong, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return t;
    }

    /// <summary>Throws <c>room.invalid_text</c> (with <paramref name="detail"/>, e.g. an item key) when <paramref name="text"/> cannot be stored.</summary>
    public static void Require(string? text, bool multiline = true, string? detail = null)
    {
        if (!Common.Text.IsStorable(text, multiline)) throw RoomErrors.Fail(RoomErrors.InvalidText, detail);
    }

    /// <summary>The first sensitive word contained in <paramref name="text"/> (case-insensitive, ignoring spaces), or null.</summary>
    public static string? FindSensitive(string text, IEnumerable<string> words)
    {
        var squeezed = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        foreach (var w in words)
        {
            var word = w.Trim();
            if (word.Length > 0 && squeezed.Contains(word, StringComparison.OrdinalIgnoreCase)) return word;
        }
        return null;
    }
}
