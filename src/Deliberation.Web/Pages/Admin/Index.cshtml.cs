using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Admin;

public sealed class IndexModel(HubDbContext db) : PageModel
{
    public int Sessions { get; private set; }
    public int Members { get; private set; }
    public int Sectors { get; private set; }
    public int Committees { get; private set; }
    public int Departments { get; private set; }
    public int Questionnaires { get; private set; }
    public int FollowUpItems { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sessions = await db.Consultations.CountAsync(ct);
        Members = await db.Members.CountAsync(ct);
        Sectors = await db.Sectors.CountAsync(ct);
        Committees = await db.Committees.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        Questionnaires = await db.Questionnaires.CountAsync(ct);
        FollowUpItems = await db.OutcomeItems.CountAsync(ct);
    }
}
