using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Tenancy;

/// <summary>
/// Rents a <see cref="HubDbContext"/> from the pool and gives it this DI scope's <see cref="OrgScope"/> (the
/// EF-documented pattern for per-scope state in pooled contexts). The host registers the scoped
/// <see cref="HubDbContext"/> through this, so every injected context is scoped.
/// </summary>
public sealed class ScopedHubDbContextFactory(IDbContextFactory<HubDbContext> pool, OrgScope scope)
{
    /// <summary>A pooled context filtered by this scope's organisation.</summary>
    public HubDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.Tenancy = scope;
        return db;
    }
}
