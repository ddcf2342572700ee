using System.Security.Cryptography;

namespace Deliberation.Core.Common;

/// <summary>Random bearer codes for links that stand in for an account: tracking links, invitation and check-in codes.</summary>
public static class Tokens
{
    // Crockford-style alphabet: no 0/O, 1/I/L, so a code read aloud or typed from paper is not mistaken.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new code of <paramref name="length"/> characters from an unambiguous alphabet (≈ 4.95 bits each).</summary>
    public static string New(int length = 16) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>The code as a user typed it (spaces and dashes dropped, upper case), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed, int length = 16)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var s = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return s.Length == length && s.All(c => Alphabet.Contains(c)) ? s : null;
    }
}
