using Deliberation.Core.Persistence;

namespace Deliberation.Core.Organizations;

/// <summary>A body's special committees (专委会): add, rename, reorder, delete; a committee with members cannot be deleted.</summary>
public sealed class CommitteeCommands(HubDbContext db, TimeProvider clock)
    : NamedListCommands<Committee>(db, clock, "committee", (org, name, order) => new Committee { OrganizationId = org, Name = name, SortOrder = order },
        id => m => m.CommitteeId == id);
