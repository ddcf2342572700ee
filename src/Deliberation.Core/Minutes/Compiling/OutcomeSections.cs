using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using static Deliberation.Core.Minutes.Compiling.MarkdownText;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>会议共识, 分歧, 意见建议 (numbered, with a proposed handling unit), 下一步工作 and the distribution list.</summary>
internal static class OutcomeSections
{
    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(CompileContext c, Action<double> progress)
    {
        var outcomes = await c.Db.RoomOutcomes.AsNoTracking().Where(o => o.ConsultationId == c.Id)
            .OrderBy(o => o.Kind).ThenBy(o => o.Position).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync(c.Ct);
        string Items(OutcomeKind kind, string noneKey) => c.NumberedOrNone(
            outcomes.Where(o => o.Kind == kind).Select(o => $"{Escape(o.Text)} {MinutesMarkup.SourceLink("outcome", o.Id)}").ToList(), noneKey);

        var recommendations = outcomes.Where(o => o.Kind == OutcomeKind.Recommendation).Select(o =>
        {
            var department = c.DepartmentName(o.DepartmentId);
            c.NoteCopyTo(department);
            var handler = department.Length > 0 ? c.P.Format("recommendation.department", Escape(department)) : "";
            return $"{Escape(o.Text)}{handler} {MinutesMarkup.SourceLink("outcome", o.Id)}";
        }).ToList();

        return new Dictionary<string, string>
        {
            ["consensus"] = Items(OutcomeKind.Consensus, "none.consensus"),
            ["disagreements"] = Items(OutcomeKind.Disagreement, "none.disagreements"),
            ["recommendations"] = c.NumberedOrNone(recommendations, "none.recommendations"),
            ["next_steps"] = Items(OutcomeKind.NextStep, "none.nextSteps"),
        };
    }

    public static IReadOnlyDictionary<string, string> Distribution(CompileContext c)
    {
        var p = c.P;
        var place = c.OrganizationName.EndsWith(p["distribution.bodySuffix"], StringComparison.Ordinal)
            ? c.OrganizationName[..^p["distribution.bodySuffix"].Length]
            : c.OrganizationName;
        var lines = $"**{p["distribution.sendTo"]}**：{p.Format("distribution.sendToValue", Escape(place))}\n";
        if (c.CopyTo.Count > 0)
        {
            lines += $"\n**{p["distribution.copyTo"]}**：{string.Join(p["list.separator"], c.CopyTo.Select(Escape))}\n";
        }
        return new Dictionary<string, string> { ["distribution"] = lines };
    }
}
