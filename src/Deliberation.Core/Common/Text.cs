namespace Deliberation.Core.Common;

/// <summary>Normalises free text from forms and decides which text may be stored at all.</summary>
public static class Text
{
    /// <summary>The trimmed text, or null when it is empty or blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Whether <paramref name="value"/> holds only characters worth storing: no NUL (PostgreSQL refuses it), no lone
    /// surrogate (not encodable as UTF-8), no C0/C1 control character or DEL. Tab, line feed and carriage return pass
    /// where text may span lines (<paramref name="multiline"/>): comments, statements, descriptions; not in names or titles.
    /// </summary>
    public static bool IsStorable(string? value, bool multiline = true) => value is null || FirstInvalid(value, multiline) < 0;

    /// <summary>The index of the first character that <see cref="IsStorable"/> refuses, or -1.</summary>
    public static int FirstInvalid(string value, bool multiline = true)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                else return i;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
            else if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Adds <c>Validation.Required</c>, <c>Validation.TooLong</c> or <c>Validation.InvalidText</c> for
    /// <paramref name="field"/> when needed.
    /// </summary>
    public static void Check(List<(string Field, string Code)> errors, string field, string? value, int maxLength, bool required, bool multiline = false)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            if (required) errors.Add((field, "Validation.Required"));
        }
        else if (!IsStorable(clean, multiline))
        {
            errors.Add((field, "Validation.InvalidText"));
        }
        else if (clean.Length > maxLength)
        {
            errors.Add((field, "Validation.TooLong"));
        }
    }
}
