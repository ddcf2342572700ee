using Microsoft.AspNetCore.DataProtection;

namespace Deliberation.Web.Features.Accounts;

/// <summary>A public visitor without an account: a stable id and the display name they chose.</summary>
public sealed record AnonymousVisitor(Guid Id, string DisplayName);

/// <summary>
/// Issues and reads the signed, HttpOnly visitor cookie. The payload is protected with data protection, so a
/// visitor cannot forge another's id; the same keys serve every node once they are shared.
/// </summary>
public sealed class AnonymousVisitors(IDataProtectionProvider provider, IHttpContextAccessor accessor)
{
    public const string CookieName = ".dlb.visitor";
    public const int MaxNameLength = 20;
    private readonly IDataProtector _protector = provider.CreateProtector("Deliberation.AnonymousVisitor.v1");

    public AnonymousVisitor? Current => Read(accessor.HttpContext?.Request.Cookies[CookieName]);

    public AnonymousVisitor? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie)) return null;
        try
        {
            var parts = _protector.Unprotect(cookie).Split('\n', 2);
            return parts.Length == 2 && Guid.TryParse(parts[0], out var id) ? new AnonymousVisitor(id, parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Keeps the visitor's id (or makes one) and stores the chosen name.</summary>
    public AnonymousVisitor Remember(HttpContext http, string displayName)
    {
        var visitor = new AnonymousVisitor(Current?.Id ?? Guid.NewGuid(), NormalizeName(displayName));
        http.Response.Cookies.Append(CookieName, _protector.Protect($"{visitor.Id}\n{visitor.DisplayName}"), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
        });
        return visitor;
    }

    public static string NormalizeName(string name)
    {
        var trimmed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
    }
}
