using System.Xml.Linq;
using Deliberation.Core.Persistence;
using Deliberation.Core.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Deliberation.Web.Infrastructure.DataProtection;

/// <summary>
/// Keeps data-protection keys in PostgreSQL so every node signs and reads cookies with the same key ring. The key
/// manager calls this rarely (start-up, key rotation), so a scope per call is fine.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
