using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Infrastructure;

/// <summary>The UI strings a live page's script needs, in the user's language (keys under Room., RoomError., Notice.).</summary>
public sealed class ClientStrings(IStringLocalizer<SharedResource> l)
{
    private static readonly string[] Prefixes = ["Room.", "RoomError.", "Notice."];

    public IReadOnlyDictionary<string, string> ForLivePages() =>
        l.GetAllStrings(includeParentCultures: true)
            .Where(s => Prefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)))
            .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value);
}
