using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.FollowUp.Statistics;

public sealed record CountRow(string Label, int Count);

public sealed record DepartmentStat(string Department, int Items, int Replies, int OnTime, int Closed, int Satisfied, int Basic, int Dissatisfied, int Overdue)
{
    public double? OnTimeRate => Replies == 0 ? null : (double)OnTime / Replies;
    public double? SatisfactionRate => Satisfied + Basic + Dissatisfied == 0 ? null : (double)(Satisfied + Basic) / (Satisfied + Basic + Dissatisfied);
}

public sealed record OverdueRow(Guid Id, string Title, string Department, DateTimeOffset DueAt, int DaysLate);

public sealed record ItemStat(Guid Id, string Title, OutcomeSource Source, string? Session, string? Department, FollowUpStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? RepliedAt, bool? OnTime, Satisfaction? FinalSatisfaction,
    bool Overdue, DateTimeOffset? ClosedAt, bool IsPublic);

/// <summary>
/// The supervision figures (两通报): on-time rate = replies by their deadline ÷ replies; resolution rate (解决率) =
/// items closed as 满意 or 基本满意 ÷ items assigned; satisfaction by lead department; counts per session and month.
/// </summary>
public sealed class FollowUpStatistics
{
    public required IReadOnlyList<ItemStat> Items { get; init; }
    public int Assigned { get; init; }
    public int Replies { get; init; }
    public int OnTimeReplies { get; init; }
    public int Resolved { get; init; }
    public double? OnTimeRate => Replies == 0 ? null : (double)OnTimeReplies / Replies;
    public double? ResolutionRate => Assigned == 0 ? null : (double)Resolved / Assigned;
    public double? SatisfactionRate { get; init; }
    public required IReadOnlyList<CountRow> ByStatus { get; init; }
    public required IReadOnlyList<CountRow> BySession { get; init; }
    public required IReadOnlyList<CountRow> ByMonth { get; init; }
    public required IReadOnlyList<DepartmentStat> ByDepartment { get; init; }
    public required IReadOnlyList<OverdueRow> Overdue { get; init; }

    public static async Task<FollowUpStatistics> ComputeAsync(HubDbContext db, int? year, DateTimeOffset now, string noSession, CancellationToken ct)
    {
        var china = TimeSpan.FromHours(8);
        var items = db.OutcomeItems.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateTimeOffset(y, 1, 1, 0, 0, 0, china).ToUniversalTime();
            items = items.Where(i => i.CreatedAt >= from && i.CreatedAt < from.AddYears(1));
        }
        var list = await items.ToListAsync(ct);
        var ids = list.Select(i => i.Id).ToList();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var sessions = await db.Consultations.Where(c => db.OutcomeItems.Any(i => i.ConsultationId == c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var replies = await db.FollowUpReplies.AsNoTracking().Where(r => ids.Contains(r.ItemId))
            .Select(r => new { r.ItemId, r.Round, r.RepliedAt, r.OnTime }).ToListAsync(ct);
        var lastReply = replies.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Round)!);

        var stats = list.Select(i => new ItemStat(i.Id, i.Title, i.Source, i.ConsultationId is { } c ? sessions.GetValueOrDefault(c) : null,
            i.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, i.Status, i.CreatedAt, i.DueAt,
            lastReply.GetValueOrDefault(i.Id)?.RepliedAt, lastReply.GetValueOrDefault(i.Id)?.OnTime, i.FinalSatisfaction,
            i.IsOverdueAt(now), i.ClosedAt, i.IsPublic)).OrderByDescending(s => s.CreatedAt).ToList();
        var assigned = list.Where(i => i.LeadDepartmentId != null || i.Status is FollowUpStatus.Replied or FollowUpStatus.Escalated or FollowUpStatus.Closed).ToList();
        var rated = list.Where(i => i.FinalSatisfaction is not null).ToList();
        return new FollowUpStatistics
        {
            Items = stats,
            Assigned = assigned.Count,
            Replies = replies.Count,
            OnTimeReplies = replies.Count(r => r.OnTime),
            Resolved = list.Count(i => i.Status == FollowUpStatus.Closed && i.FinalSatisfaction is Satisfaction.Satisfied or Satisfaction.BasicallySatisfied),
            SatisfactionRate = rated.Count == 0 ? null : (double)rated.Count(i => i.FinalSatisfaction != Satisfaction.Dissatisfied) / rated.Count,
            ByStatus = Enum.GetValues<FollowUpStatus>().Select(s => new CountRow(s.ToString(), list.Count(i => i.Status == s))).Where(r => r.Count > 0).ToList(),
            BySession = stats.GroupBy(s => s.Session ?? noSession).Select(g => new CountRow(g.Key, g.Count())).OrderByDescending(r => r.Count).ToList(),
            ByMonth = stats.GroupBy(s => s.CreatedAt.ToOffset(china).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key).Select(g => new CountRow(g.Key, g.Count())).ToList(),
            ByDepartment = assigned.Where(i => i.LeadDepartmentId != null).GroupBy(i => departments.GetValueOrDefault(i.LeadDepartmentId!.Value) ?? "?")
                .Select(g => new DepartmentStat(g.Key, g.Count(),
                    replies.Count(r => g.Any(i => i.Id == r.ItemId)), replies.Count(r => r.OnTime && g.Any(i => i.Id == r.ItemId)),
                    g.Count(i => i.Status == FollowUpStatus.Closed), g.Count(i => i.FinalSatisfaction == Satisfaction.Satisfied),
                    g.Count(i => i.FinalSatisfaction == Satisfaction.BasicallySatisfied), g.Count(i => i.FinalSatisfaction == Satisfaction.Dissatisfied),
                    g.Count(i => i.IsOverdueAt(now))))
                .OrderByDescending(d => d.Items).ToList(),
            Overdue = stats.Where(s => s.Overdue).Select(s => new OverdueRow(s.Id, s.Title, s.Department ?? "", s.DueAt!.Value, (int)(now - s.DueAt.Value).TotalDays))
                .OrderByDescending(o => o.DaysLate).ToList(),
        };
    }
}
