using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Sectors;

public sealed class IndexModel(HubDbContext db, SectorCommands commands, IStringLocalizer<SharedResource> l) : NamedListPageModel(l)
{
    public override string Path => "/Admin/Sectors";
    public override string Keys => "Sectors";

    protected override Task<List<Row>> LoadAsync(CancellationToken ct) =>
        db.Sectors.AsNoTracking().Where(s => s.OrganizationId == OrgId).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.SortOrder, db.Members.Count(m => m.SectorId == s.Id)))
            .ToListAsync(ct);

    protected override Task AddAsync(string name, CancellationToken ct) => commands.AddAsync(OrgId, name, User.ToActor(), ct);
    protected override Task UpdateAsync(Guid id, string name, int position, CancellationToken ct) => commands.UpdateAsync(OrgId, id, name, position, User.ToActor(), ct);
    protected override Task MoveAsync(Guid id, int position, CancellationToken ct) => commands.MoveAsync(OrgId, id, position, User.ToActor(), ct);
    protected override Task DeleteAsync(Guid id, CancellationToken ct) => commands.DeleteAsync(OrgId, id, User.ToActor(), ct);
}
