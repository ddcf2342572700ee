using Deliberation.Web.Infrastructure;
using Deliberation.Web.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.FollowUp.Statistics;

/// <summary>The statistics as export tables: items first (the CSV), then per department, session, month and the overdue list.</summary>
public sealed class StatsTables(IStringLocalizer<SharedResource> l, Display d)
{
    public IReadOnlyList<DataTable> Build(FollowUpStatistics s) =>
    [
        new(l["Export.Items"], Columns("Title", "Source", "Session", "Lead", "Status", "Created", "Due", "Replied", "OnTime", "Satisfaction", "Overdue", "Closed", "Public"),
            s.Items.Select(i => (IReadOnlyList<object?>)[i.Title, d.Enum(i.Source), i.Session, i.Department, d.Enum(i.Status), i.CreatedAt, i.DueAt,
                i.RepliedAt, i.OnTime, i.FinalSatisfaction is { } f ? d.Enum(f) : null, i.Overdue, i.ClosedAt, i.IsPublic])),
        new(l["Export.Departments"], Columns("Lead", "Items", "Replies", "OnTimeReplies", "OnTimeRate", "ClosedCount", "Satisfied", "Basic", "Dissatisfied", "SatisfactionRate", "OverdueCount"),
            s.ByDepartment.Select(x => (IReadOnlyList<object?>)[x.Department, x.Items, x.Replies, x.OnTime, Rate(x.OnTimeRate), x.Closed,
                x.Satisfied, x.Basic, x.Dissatisfied, Rate(x.SatisfactionRate), x.Overdue])),
        new(l["Export.Sessions"], Columns("Session", "Items"), s.BySession.Select(x => (IReadOnlyList<object?>)[x.Label, x.Count])),
        new(l["Export.Months"], Columns("Month", "Items"), s.ByMonth.Select(x => (IReadOnlyList<object?>)[x.Label, x.Count])),
        new(l["Export.Overdue"], Columns("Title", "Lead", "Due", "DaysLate"),
            s.Overdue.Select(x => (IReadOnlyList<object?>)[x.Title, x.Department, x.DueAt, x.DaysLate])),
    ];

    private IReadOnlyList<DataColumn> Columns(params string[] keys) =>
        keys.Select(k => new DataColumn(l[$"Export.Col.{k}"], l[$"Export.Col.{k}.Help"])).ToList();

    private static double? Rate(double? r) => r is { } v ? Math.Round(v * 100, 1) : null;
}
