using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Deliberation.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Queues a compile of a session's minutes: when the session ends, and when staff ask for one.</summary>
public sealed partial class MinutesCompileRequests(
    HubDbContext db, MinutesCommands commands, IBackgroundJobClient jobs, IMinutesNotifier notifier, TimeProvider clock,
    ILogger<MinutesCompileRequests> logger) : IConsultationEvents
{
    /// <summary>Creates the minutes if needed, marks them queued and enqueues the job; returns the minutes id.</summary>
    public async Task<Guid> RequestAsync(Guid consultationId, Actor actor, CancellationToken ct = default)
    {
        var status = await db.Consultations.Where(c => c.Id == consultationId).Select(c => (ConsultationStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("consultation.not_found");
        if (status is not (ConsultationStatus.Ended or ConsultationStatus.Archived)) throw new DomainException("minutes.session_not_ended");
        var minutes = await commands.EnsureAsync(consultationId, ct);
        if (!MinutesStatusRules.CanRecompile(minutes.Status)) throw new DomainException("minutes.not_draft");
        minutes.CompileState = CompileState.Queued;
        minutes.CompileProgress = 0;
        minutes.CompileAttempts = 0;
        minutes.CompileError = null;
        minutes.CompileRequestedAt = clock.GetUtcNow();
        AuditLog.Record(db, actor, "minutes.compile_requested", "Minutes", minutes.Id, at: minutes.CompileRequestedAt);
        await db.SaveChangesAsync(ct);
        var jobId = jobs.Enqueue<CompileMinutesJob>(JobQueues.Minutes, j => j.RunAsync(minutes.Id, null, CancellationToken.None));
        LogQueued(logger, minutes.Id, consultationId, jobId);
        await notifier.CompileProgressedAsync(MinutesStatusView.From(minutes), ct);
        return minutes.Id;
    }

    /// <summary>A session that ends gets its draft compiled.</summary>
    public async Task StatusChangedAsync(Guid consultationId, ConsultationStatus status, CancellationToken ct)
    {
        if (status != ConsultationStatus.Ended) return;
        try
        {
            await RequestAsync(consultationId, Actor.System, ct);
        }
        catch (DomainException ex)
        {
            // Minutes already in review when a session is ended again elsewhere: nothing to compile, nothing to break.
            LogNotQueued(logger, consultationId, ex.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes {MinutesId} of session {ConsultationId} queued for compile as job {JobId}")]
    private static partial void LogQueued(ILogger logger, Guid minutesId, Guid consultationId, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No compile queued for session {ConsultationId}: {Code}")]
    private static partial void LogNotQueued(ILogger logger, Guid consultationId, string code);
}

/// <summary>The status DTO of a minutes' compile.</summary>
public static class MinutesStatusView
{
    public static MinutesCompileStatus From(MinutesDocument m) =>
        new(m.Id, m.CompileState.ToString(), m.CompileProgress, m.CompileAttempts, MinutesNotifier.MaxAttempts, m.CompileError, m.CurrentVersionNo);
}
