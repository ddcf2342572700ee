using Deliberation.Core.Minutes;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Seed;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Published minutes of an ended session, written directly (the city gets its minutes by ending its live demo
    /// session). Skipped when the session already has minutes.
    /// </summary>
    private async Task SeedMinutesAsync(DemoData data, Organization org, CancellationToken ct)
    {
        if (data.Minutes is not { } m) return;
        var session = await db.Consultations.Where(c => c.OrganizationId == org.Id && c.Title == m.Session)
            .Select(c => new { c.Id, c.StartsAt }).SingleOrDefaultAsync(ct);
        if (session is null || await db.MinutesDocuments.AnyAsync(x => x.ConsultationId == session.Id, ct)) return;
        var at = session.StartsAt.AddDays(2);
        var author = UserNameWithRole(data, Core.Accounts.Roles.Staff);
        var leader = data.Accounts.First(a => a.UserName == UserNameWithRole(data, Core.Accounts.Roles.Leader)).DisplayName;
        var minutes = new MinutesDocument
        {
            ConsultationId = session.Id, OrganizationId = org.Id, Year = session.StartsAt.ToOffset(ChinaOffset).Year, Number = m.Number,
            CurrentVersionNo = 1, CompileState = CompileState.Succeeded, CompileProgress = 100, CreatedAt = at,
        };
        db.MinutesVersions.Add(new MinutesVersion
        {
            MinutesId = minutes.Id, No = 1, Kind = MinutesVersionKind.Edited, Markdown = m.Markdown, AuthorName = author, CreatedAt = at,
        });
        minutes.MoveTo(MinutesStatus.InReview, author, at);
        minutes.MoveTo(MinutesStatus.Signed, leader, at.AddDays(1));
        minutes.MoveTo(MinutesStatus.Published, author, at.AddDays(1));
        db.MinutesDocuments.Add(minutes);
        await db.SaveChangesAsync(ct);
    }
}
