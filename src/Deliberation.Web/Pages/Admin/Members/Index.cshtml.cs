using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Members;

public sealed class IndexModel(HubDbContext db, IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string FullName, string? Sector, string? Committee, string? Group, bool IsStandingMember, string? Affiliation);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Committee { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Sectors { get; private set; } = [];
    public List<SelectListItem> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sectors = await db.Sectors.AsNoTracking().Where(s => s.OrganizationId == OrgId).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        Committees = await db.Committees.AsNoTracking().Where(c => c.OrganizationId == OrgId).OrderBy(c => c.SortOrder)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);

        var query = db.Members.AsNoTracking().Where(m => m.OrganizationId == OrgId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(m => m.FullName.Contains(q));
        }
        if (Sector is Guid sector) query = query.Where(m => m.SectorId == sector);
        if (Committee is Guid committee) query = query.Where(m => m.CommitteeId == committee);

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(m => m.Sector!.SortOrder).ThenBy(m => m.FullName).ThenBy(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.FullName, m.Sector!.Name, m.Committee!.Name, m.Group, m.IsStandingMember, m.Affiliation))
            .ToListAsync(ct);
    }

    /// <summary>The list URL with the current filters on page <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var query = new QueryString()
            .Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Add("q", Q.Trim());
        if (Sector is Guid s) query = query.Add("sector", s.ToString());
        if (Committee is Guid c) query = query.Add("committee", c.ToString());
        return "/Admin/Members" + query;
    }
}
