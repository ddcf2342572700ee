using Deliberation.Core.Persistence;

namespace Deliberation.Core.Organizations;

/// <summary>A body's sectors (界别): add, rename, reorder, delete; a sector with members cannot be deleted.</summary>
public sealed class SectorCommands(HubDbContext db, TimeProvider clock)
    : NamedListCommands<Sector>(db, clock, "sector", (org, name, order) => new Sector { OrganizationId = org, Name = name, SortOrder = order },
        id => m => m.SectorId == id);
