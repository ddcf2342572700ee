using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>The template a body compiles with: its own when saved, else the default.</summary>
public sealed class MinutesTemplateStore(HubDbContext db)
{
    public async Task<string> GetAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.MinutesTemplates.AsNoTracking().Where(t => t.OrganizationId == organizationId).Select(t => t.Markdown).SingleOrDefaultAsync(ct)
        ?? MinutesResources.DefaultTemplate;
}
