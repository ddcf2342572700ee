namespace Deliberation.Core.Common;

/// <summary>Normalises free text from forms.</summary>
public static class Text
{
    /// <summary>The trimmed text, or null when it is empty or blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds <c>Validation.Required</c> or <c>Validation.TooLong</c> for <paramref name="field"/> when needed.</summary>
    public static void Check(List<(string Field, string Code)> errors, string field, string? value, int maxLength, bool required)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            if (required) errors.Add((field, "Validation.Required"));
        }
        else if (clean.Length > maxLength)
        {
            errors.Add((field, "Validation.TooLong"));
        }
    }
}
