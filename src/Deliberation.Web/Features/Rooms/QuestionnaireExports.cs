using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Deliberation.Web.Infrastructure;

namespace Deliberation.Web.Features.Rooms;

/// <summary>
/// Questionnaire responses as CSV or XLSX (with a field dictionary), for the owning body's staff and for the
/// moderator (主持人) of the questionnaire's session. Another body's questionnaire is 404 (organisation filter).
/// </summary>
public static class QuestionnaireExports
{
    public static void MapQuestionnaires(this WebApplication app)
    {
        var group = app.MapGroup("/api/questionnaires").WithTags("Questionnaires")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Moderator));
        group.MapGet("/{id:guid}/responses.csv", Csv).WithName("QuestionnaireCsv").WithSummary("Responses as CSV (UTF-8 with BOM).")
            .RequireRateLimiting(RateLimitingSetup.Downloads);
        group.MapGet("/{id:guid}/responses.xlsx", Xlsx).WithName("QuestionnaireXlsx").WithSummary("Responses as XLSX with a field dictionary.")
            .RequireRateLimiting(RateLimitingSetup.Downloads);
        group.MapGet("/{id:guid}/aggregate", Aggregate).WithName("QuestionnaireAggregate").WithSummary("Live aggregate of the responses.");
    }

    private static async Task<IResult> Aggregate(Guid id, HttpContext http, HubDbContext db, QuestionnaireQueries queries, CancellationToken ct) =>
        await MayReadAsync(id, http, db, ct) && await queries.AggregateAsync(id, ct) is { } a ? Results.Ok(a) : Results.NotFound();

    /// <summary>Staff and admins read their body's questionnaires (the filter); a moderator only those of sessions it moderates.</summary>
    private static async Task<bool> MayReadAsync(Guid id, HttpContext http, HubDbContext db, CancellationToken ct)
    {
        if (http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Staff)) return await db.Questionnaires.AnyAsync(q => q.Id == id, ct);
        var me = http.User.UserId();
        return me is not null && await db.Questionnaires.AnyAsync(q => q.Id == id && q.ConsultationId != null
            && db.Participants.Any(p => p.ConsultationId == q.ConsultationId && p.UserId == me && p.Tier == ParticipantTier.Moderator), ct);
    }

    private static async Task Csv(Guid id, HttpContext http, HubDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var table = await MayReadAsync(id, http, db, ct) ? await TableAsync(id, db, l, ct) : null;
        if (table is null) { http.Response.StatusCode = 404; return; }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"questionnaire-{id:N}.csv\"";
        await CsvExport.WriteAsync(table, http.Response.Body, ct);
    }

    private static async Task<IResult> Xlsx(Guid id, HttpContext http, HubDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var table = await MayReadAsync(id, http, db, ct) ? await TableAsync(id, db, l, ct) : null;
        if (table is null) return Results.NotFound();
        var stream = new MemoryStream();
        XlsxExport.Write([table], stream, l["Export.Dictionary"]);
        stream.Position = 0;
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"questionnaire-{id:N}.xlsx");
    }

    /// <summary>One row per response, one column per item; choices as their option text.</summary>
    internal static async Task<DataTable?> TableAsync(Guid id, HubDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (q is null) return null;
        var columns = new List<DataColumn> { new(l["Export.SubmittedAt"], l["Export.SubmittedAt.Desc"]), new(l["Export.Respondent"], l["Export.Respondent.Desc"]) };
        columns.AddRange(q.Items.Select(i => new DataColumn($"{i.Key} {i.Text}", l[$"Export.ItemKind.{i.Kind}"])));
        var responses = await db.QuestionnaireResponses.AsNoTracking().Where(r => r.QuestionnaireId == id).OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var rows = responses.Select(r =>
        {
            var row = new List<object?> { r.SubmittedAt, r.RespondentName };
            foreach (var item in q.Items)
            {
                var a = r.Answers.FirstOrDefault(x => x.Key == item.Key);
                row.Add(a is null ? null
                    : item.Kind == QuestionnaireItemKind.Rating ? a.Rating
                    : item.Kind == QuestionnaireItemKind.Text ? a.Text
                    : string.Join("; ", a.Choices.Where(c => c < item.Options.Count).Select(c => item.Options[c])));
            }
            return (IReadOnlyList<object?>)row;
        });
        return new DataTable(q.Title, columns, rows.ToList());
    }
}
