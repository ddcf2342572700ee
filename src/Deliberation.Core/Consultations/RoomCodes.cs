using System.Security.Cryptography;

namespace Deliberation.Core.Consultations;

/// <summary>The six-digit room code (一码通) rule: digits only, unique among sessions that hold a code.</summary>
public static class RoomCodes
{
    /// <summary>Whether <paramref name="code"/> has the shape of a room code.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Picks a fresh code that none of <paramref name="taken"/> uses. Codes never start with 0 so that
    /// spreadsheets and phone keypads keep all six digits.
    /// </summary>
    public static string Allocate(IReadOnlySet<string> taken, Func<int, int>? random = null)
    {
        random ??= RandomNumberGenerator.GetInt32;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var code = (100_000 + random(900_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(code)) return code;
        }
        throw new DomainException("consultation.room_codes_exhausted");
    }
}
