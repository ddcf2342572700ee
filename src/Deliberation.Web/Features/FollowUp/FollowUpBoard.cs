using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>One row of a list of outcome items (public board, inboxes, staff list).</summary>
public sealed record ItemRow(
    Guid Id, string Title, string? Category, FollowUpStatus Status, string? LeadName, Guid? ConsultationId, string? SessionTitle,
    DateTimeOffset? DueAt, int ProgressPercent, Satisfaction? FinalSatisfaction, bool Overdue, int Round, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, int? RecommendationNumber, bool IsPublic, Guid? LeadDepartmentId);

/// <summary>Filters of the public board; <see cref="Status"/> is a status name or <c>Overdue</c>.</summary>
public sealed record BoardFilter(Guid? Session = null, Guid? Department = null, string? Status = null, int? Year = null);

/// <summary>Lists outcome items as rows, for any scope the caller already restricted.</summary>
public sealed class FollowUpBoard(HubDbContext db, TimeProvider clock)
{
    public const int MaxRows = 300;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The public board of every body: items, their lead departments and sessions through <see cref="PublicReads"/>.</summary>
    public Task<List<ItemRow>> PublicAsync(BoardFilter filter, CancellationToken ct) =>
        RowsAsync(Filter(db.PublicBoardItems(), filter), db.DepartmentsOnPublicBoard(), db.PublishedSessions(), ct);

    public IQueryable<OutcomeItem> Filter(IQueryable<OutcomeItem> items, BoardFilter f)
    {
        if (f.Session is { } s) items = items.Where(i => i.ConsultationId == s);
        if (f.Department is { } d) items = items.Where(i => i.LeadDepartmentId == d);
        if (f.Year is { } y)
        {
            var from = new DateTimeOffset(y, 1, 1, 0, 0, 0, China).ToUniversalTime();
            var to = from.AddYears(1);
            items = items.Where(i => i.CreatedAt >= from && i.CreatedAt < to);
        }
        if (f.Status == "Overdue") items = items.OverdueAt(clock.GetUtcNow());
        else if (Enum.TryParse<FollowUpStatus>(f.Status, out var status)) items = items.Where(i => i.Status == status);
        return items;
    }

    /// <summary>Rows of items the caller's scope already holds (names from the caller's own body).</summary>
    public Task<List<ItemRow>> RowsAsync(IQueryable<OutcomeItem> items, CancellationToken ct) =>
        RowsAsync(items, db.Departments, db.Consultations, ct);

    private async Task<List<ItemRow>> RowsAsync(IQueryable<OutcomeItem> items, IQueryable<Department> departments,
        IQueryable<Consultation> sessions, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (from i in items
                          join d in departments on i.LeadDepartmentId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          join c in sessions on i.ConsultationId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          orderby i.UpdatedAt descending
                          select new { i, Lead = d == null ? null : d.Name, Session = c == null ? null : c.Title })
            .AsNoTracking().Take(MaxRows).ToListAsync(ct);
        return rows.Select(r => new ItemRow(r.i.Id, r.i.Title, r.i.Category, r.i.Status, r.Lead, r.i.ConsultationId, r.Session, r.i.DueAt,
            r.i.ProgressPercent, r.i.FinalSatisfaction, r.i.IsOverdueAt(now), r.i.Round, r.i.CreatedAt, r.i.UpdatedAt,
            r.i.RecommendationNumber, r.i.IsPublic, r.i.LeadDepartmentId)).ToList();
    }

    /// <summary>Choices for the board's filters: sessions and departments that have public items, and years.</summary>
    public async Task<(List<(Guid Id, string Name)> Sessions, List<(Guid Id, string Name)> Departments, List<int> Years)> FacetsAsync(CancellationToken ct)
    {
        var board = db.PublicBoardItems();
        var sessions = await db.PublishedSessions().Where(c => board.Any(i => i.ConsultationId == c.Id))
            .OrderByDescending(c => c.StartsAt).Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        var departments = await db.DepartmentsOnPublicBoard().Where(d => board.Any(i => i.LeadDepartmentId == d.Id))
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var created = await board.Select(i => i.CreatedAt).ToListAsync(ct);
        var years = created.Select(c => c.ToOffset(China).Year).Distinct().OrderDescending().ToList();
        return (sessions.Select(s => (s.Id, s.Title)).ToList(), departments.Select(d => (d.Id, d.Name)).ToList(), years);
    }
}
