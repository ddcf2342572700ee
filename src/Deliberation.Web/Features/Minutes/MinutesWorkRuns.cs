using Deliberation.Core.Persistence;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>How a job takes a <see cref="Core.Minutes.MinutesWorkItem"/> to run, and marks it done.</summary>
public static class MinutesWorkRuns
{
    /// <summary>
    /// Stamps the request with this job's id unless another job's is there: true for the first job and for its
    /// own retries, false for a duplicate enqueued by a dispatcher that died before stamping the request.
    /// </summary>
    public static async Task<bool> TakeAsync(HubDbContext db, Guid workId, PerformContext? context, CancellationToken ct)
    {
        var jobId = context?.BackgroundJob?.Id ?? $"direct:{Guid.NewGuid():N}";
        return await db.MinutesWork.Where(w => w.Id == workId && (w.RunBy == null || w.RunBy == jobId))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.RunBy, jobId), ct) == 1;
    }

    /// <summary>Marks the request done (with why, when it was moot).</summary>
    public static Task DoneAsync(HubDbContext db, Guid workId, string? note, DateTimeOffset at, CancellationToken ct) =>
        db.MinutesWork.Where(w => w.Id == workId).ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, at).SetProperty(w => w.Note, note), ct);
}
