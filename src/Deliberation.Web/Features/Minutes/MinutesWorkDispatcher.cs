using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Deliberation.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Hands committed <see cref="MinutesWorkItem"/> requests to the job queue. A request is claimed by a conditional
/// update (one dispatcher wins on any number of nodes) with a lease: a dispatcher that dies holding it loses it
/// when the lease runs out, and the sweep dispatches it again. The job stamps the request it runs, so even a
/// request enqueued twice (a death between enqueue and stamp) is worked once.
/// </summary>
public sealed partial class MinutesWorkDispatcher(
    HubDbContext db, MinutesCommands commands, IBackgroundJobClient jobs, IMinutesNotifier notifier, TimeProvider clock,
    ILogger<MinutesWorkDispatcher> logger)
{
    /// <summary>How long a claim holds before another dispatcher may take the request.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>Dispatches the requests not yet queued (of one session when given); returns how many this call dispatched.</summary>
    public async Task<int> DispatchPendingAsync(Guid? consultationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = await db.MinutesWork.AsNoTracking()
            .Where(w => w.EnqueuedAt == null && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .Where(w => consultationId == null || w.ConsultationId == consultationId)
            .OrderBy(w => w.RequestedAt).Select(w => w.Id).Take(100).ToListAsync(ct);
        var dispatched = 0;
        foreach (var id in pending)
        {
            if (await DispatchAsync(id, ct)) dispatched++;
        }
        return dispatched;
    }

    /// <summary>Claims one request and enqueues its job; false when another dispatcher has it or it is already queued.</summary>
    public async Task<bool> DispatchAsync(Guid workId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var claimed = await db.MinutesWork
            .Where(w => w.Id == workId && w.EnqueuedAt == null && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedUntil, until), ct);
        if (claimed == 0) return false;
        var work = await db.MinutesWork.AsNoTracking().SingleAsync(w => w.Id == workId, ct);
        var (minutesId, jobId, note) = work.Kind switch
        {
            MinutesWorkKind.Compile => await EnqueueCompileAsync(work, ct),
            MinutesWorkKind.RenderPublic => (work.MinutesId, jobs.Enqueue<RenderPublicMinutesJob>(JobQueues.Minutes, j => j.RunAsync(workId, null, CancellationToken.None)), null),
            _ => throw new InvalidOperationException($"unknown minutes work {work.Kind}"),
        };
        var stamped = clock.GetUtcNow();
        var row = db.MinutesWork.Where(w => w.Id == workId);
        // A moot request is done now; a queued one is marked done by its job (which may already have run).
        await (jobId is null
            ? row.ExecuteUpdateAsync(s => s.SetProperty(w => w.EnqueuedAt, stamped).SetProperty(w => w.MinutesId, minutesId)
                .SetProperty(w => w.Note, note).SetProperty(w => w.DoneAt, stamped), ct)
            : row.ExecuteUpdateAsync(s => s.SetProperty(w => w.EnqueuedAt, stamped).SetProperty(w => w.MinutesId, minutesId)
                .SetProperty(w => w.JobId, jobId), ct));
        LogDispatched(logger, workId, work.Kind, work.ConsultationId, jobId ?? note ?? "");
        return true;
    }

    /// <summary>Creates the minutes if needed, marks them queued and enqueues the compile; a request that is moot is noted, not queued.</summary>
    private async Task<(Guid?, string?, string?)> EnqueueCompileAsync(MinutesWorkItem work, CancellationToken ct)
    {
        var status = await db.Consultations.Where(c => c.Id == work.ConsultationId).Select(c => (ConsultationStatus?)c.Status).SingleOrDefaultAsync(ct);
        if (status is not (ConsultationStatus.Ended or ConsultationStatus.Archived)) return (null, null, "minutes.session_not_ended");
        var minutes = await commands.EnsureAsync(work.ConsultationId, ct);
        // Minutes already in review when a session is ended again elsewhere: nothing to compile, nothing to break.
        if (!MinutesStatusRules.CanRecompile(minutes.Status)) return (minutes.Id, null, "minutes.not_draft");
        minutes.CompileState = CompileState.Queued;
        minutes.CompileProgress = 0;
        minutes.CompileAttempts = 0;
        minutes.CompileError = null;
        minutes.CompileRequestedAt = work.RequestedAt;
        AuditLog.Record(db, Actor.System, "minutes.compile_queued", "Minutes", minutes.Id, after: new { Request = work.Id }, at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var jobId = jobs.Enqueue<CompileMinutesJob>(JobQueues.Minutes, j => j.RunRequestAsync(minutes.Id, work.Id, null, CancellationToken.None));
        await notifier.CompileProgressedAsync(MinutesStatusView.From(minutes), ct);
        return (minutes.Id, jobId, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes work {WorkId} ({Kind}) of session {ConsultationId} dispatched: {Job}")]
    private static partial void LogDispatched(ILogger logger, Guid workId, MinutesWorkKind kind, Guid consultationId, string job);
}
