using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Renders the public version of a published minutes version in every format and stores it. The text comes from
/// <see cref="MinutesMarkup.ToPublic"/>, the one function that cuts internal passages from the reviewers' syntax
/// tree. Safe to repeat: stored formats are skipped, a second store of the same file does nothing, and a
/// duplicate job for the same request stops at once.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 300, 900])]
public sealed partial class RenderPublicMinutesJob(
    HubDbContext db, MinutesDownloads downloads, PublicMinutesFiles files, TimeProvider clock, ILogger<RenderPublicMinutesJob> logger)
{
    [Queue(JobQueues.Minutes)]
    public async Task RunAsync(Guid workId, PerformContext? context, CancellationToken ct)
    {
        if (!await MinutesWorkRuns.TakeAsync(db, workId, context, ct))
        {
            LogDuplicate(logger, workId);
            return;
        }
        var work = await db.MinutesWork.AsNoTracking().SingleAsync(w => w.Id == workId, ct);
        var minutes = work.MinutesId is { } id ? await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (minutes is null || work.VersionNo is not { } versionNo || minutes.Status != MinutesStatus.Published)
        {
            await MinutesWorkRuns.DoneAsync(db, workId, "minutes.not_published", clock.GetUtcNow(), ct);
            return;
        }
        var markdown = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == minutes.Id && v.No == versionNo).Select(v => v.Markdown).SingleAsync(ct);
        var text = new MinutesText(minutes, versionNo, MinutesMarkup.ToPublic(markdown));
        var stored = await files.StoredFormatsAsync(minutes.Id, versionNo, ct);
        foreach (var format in MinutesDownloads.Formats.Where(f => !stored.Contains(f)))
        {
            var file = await downloads.RenderAsync(text, format, background: true, ct);
            await files.StoreAsync(minutes.Id, versionNo, format, file, clock.GetUtcNow(), ct);
        }
        await MinutesWorkRuns.DoneAsync(db, workId, null, clock.GetUtcNow(), ct);
        LogRendered(logger, minutes.Id, versionNo);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Public files of minutes {MinutesId} version {VersionNo} stored")]
    private static partial void LogRendered(ILogger logger, Guid minutesId, int versionNo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes work {WorkId} is run by another job; this one stops")]
    private static partial void LogDuplicate(ILogger logger, Guid workId);
}
