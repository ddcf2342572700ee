using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Deliberation.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Deliberation.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Downloads of minutes and of the session's data, the editor's preview and the compile status.</summary>
public static class MinutesApi
{
    public static void MapMinutesApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/minutes").WithTags("Minutes").AllowAnonymous();
        open.MapGet("/{id:guid}/public.{format}", PublicFile).WithName("DownloadPublicMinutes")
            .WithSummary("The public version of published minutes as md, html, docx or pdf, as stored at publish (503 with Retry-After until rendered).")
            .RequireRateLimiting(RateLimitingSetup.Downloads);

        var review = app.MapGroup("/api/minutes").WithTags("Minutes").RequireAuthorization(MinutesAccess.ReviewersPolicy);
        review.MapGet("/{id:guid}/full.{format}", FullFile).WithName("DownloadFullMinutes")
            .WithSummary("Any version (default: current) with internal passages, as md, html, docx or pdf.").RequireRateLimiting(RateLimitingSetup.Downloads);
        review.MapGet("/{id:guid}/status", Status).WithName("MinutesCompileStatus").WithSummary("Where the compile stands.");
        review.MapPost("/preview", Preview).WithName("PreviewMinutes").WithSummary("Renders Markdown as the reviewers' preview.");
        review.MapGet("/session/{consultationId:guid}/data.xlsx", DataXlsx).WithName("DownloadSessionDataXlsx")
            .WithSummary("Every data table of the session with a field dictionary.").RequireRateLimiting(RateLimitingSetup.Downloads);
        review.MapGet("/session/{consultationId:guid}/data/{table}.csv", DataCsv).WithName("DownloadSessionDataCsv")
            .WithSummary("One data table of the session as CSV.").RequireRateLimiting(RateLimitingSetup.Downloads);
    }

    // Anonymous: served from what was rendered at publish, never rendered here (503 with Retry-After until it is stored).
    private static Task<IResult> PublicFile(Guid id, string format, PublicMinutesFiles files, IStringLocalizer<SharedResource> l, HttpResponse response, CancellationToken ct) =>
        files.ServeAsync(id, format, l["Minutes.FileNotReady"], response, ct);

    private static async Task<IResult> FullFile(Guid id, string format, int? version, MinutesTexts texts, MinutesDownloads downloads, CancellationToken ct)
    {
        if (!MinutesDownloads.Formats.Contains(format)) return TypedResults.NotFound();
        var text = await texts.FullAsync(id, version, ct);
        return text is null ? TypedResults.NotFound() : await downloads.FileAsync(text, format, ct);
    }

    private static async Task<Results<Ok<MinutesCompileStatus>, NotFound>> Status(Guid id, HubDbContext db, CancellationToken ct)
    {
        var m = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return m is null ? TypedResults.NotFound() : TypedResults.Ok(MinutesStatusView.From(m));
    }

    public sealed record PreviewRequest(string? Markdown);
    public sealed record PreviewResponse(string Html);

    private static Ok<PreviewResponse> Preview(PreviewRequest request, MinutesRenderer renderer) =>
        TypedResults.Ok(new PreviewResponse(renderer.ToHtml(request.Markdown ?? "")));

    private static async Task<IResult> DataXlsx(Guid consultationId, HubDbContext db, MinutesDataExport export, CancellationToken ct)
    {
        var title = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.Title).SingleOrDefaultAsync(ct);
        if (title is null) return TypedResults.NotFound();
        // The SAX writer is synchronous: it writes to a temporary file, which then streams out and deletes itself.
        var path = Path.GetTempFileName();
        await using (var file = File.Create(path))
        {
            XlsxExport.Write(MinutesDataExport.Tables.Select(t => export.Table(consultationId, t)).ToList(), file, MinutesResources.Phrases["data.dictionary"]);
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{title}-data.xlsx");
    }

    private static async Task<IResult> DataCsv(Guid consultationId, string table, HubDbContext db, MinutesDataExport export, HttpResponse response, CancellationToken ct)
    {
        if (!MinutesDataExport.Tables.Contains(table)) return TypedResults.NotFound();
        var title = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.Title).SingleOrDefaultAsync(ct);
        if (title is null) return TypedResults.NotFound();
        var data = export.Table(consultationId, table);
        return TypedResults.Stream(s => CsvExport.WriteAsync(data, s, ct), "text/csv; charset=utf-8", $"{title}-{data.Title}.csv");
    }
}
