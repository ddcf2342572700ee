using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Pages.Admin.Questionnaires;

public sealed class DetailsModel(HubDbContext db, QuestionnaireQueries queries) : PageModel
{
    public Questionnaire Questionnaire { get; private set; } = null!;
    public QuestionnaireAggregate Aggregate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var org = User.OrganizationId();
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == org, ct);
        if (q is null) return NotFound();
        Questionnaire = q;
        Aggregate = (await queries.AggregateAsync(id, ct))!;
        return Page();
    }
}
