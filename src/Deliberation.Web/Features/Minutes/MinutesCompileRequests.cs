using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Compiles of a session's minutes: asked for by staff, or by a session ending — whose request is already
/// committed with the status change (<see cref="MinutesWork"/>), so here it is only dispatched. Whatever a crash
/// leaves undispatched, <see cref="MinutesWorkSweep"/> dispatches.
/// </summary>
public sealed partial class MinutesCompileRequests(
    HubDbContext db, MinutesCommands commands, MinutesWorkDispatcher dispatcher, TimeProvider clock, IOptions<MinutesOptions> options,
    ILogger<MinutesCompileRequests> logger) : IConsultationEvents
{
    /// <summary>Staff ask for a (re)compile: the minutes are created if needed, the request committed and dispatched; returns the minutes id.</summary>
    public async Task<Guid> RequestAsync(Guid consultationId, Actor actor, CancellationToken ct = default)
    {
        var status = await db.Consultations.Where(c => c.Id == consultationId).Select(c => (ConsultationStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("consultation.not_found");
        if (status is not (ConsultationStatus.Ended or ConsultationStatus.Archived)) throw new DomainException("minutes.session_not_ended");
        var minutes = await commands.EnsureAsync(consultationId, ct);
        if (!MinutesStatusRules.CanRecompile(minutes.Status)) throw new DomainException("minutes.not_draft");
        var now = clock.GetUtcNow();
        var work = MinutesWork.RequestCompile(db, consultationId, now);
        minutes.CompileState = CompileState.Queued;
        minutes.CompileProgress = 0;
        minutes.CompileAttempts = 0;
        minutes.CompileError = null;
        minutes.CompileRequestedAt = now;
        AuditLog.Record(db, actor, "minutes.compile_requested", "Minutes", minutes.Id, after: new { Request = work.Id }, at: now);
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchAsync(work.Id, ct);
        return minutes.Id;
    }

    /// <summary>A session that ended has its committed compile request dispatched now (the sweep would, later).</summary>
    public async Task StatusChangedAsync(Guid consultationId, ConsultationStatus status, CancellationToken ct)
    {
        if (status != ConsultationStatus.Ended) return;
        if (options.Value.KillAfterEndCommitted)
        {
            // The crash test's fault: die between the commit and the job queue, as a power cut would.
            LogKilling(logger, consultationId);
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
        var n = await dispatcher.DispatchPendingAsync(consultationId, ct);
        LogDispatched(logger, consultationId, n);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {ConsultationId} ended: {Count} minutes request(s) dispatched")]
    private static partial void LogDispatched(ILogger logger, Guid consultationId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minutes:KillAfterEndCommitted is set: killing this process after session {ConsultationId} ended")]
    private static partial void LogKilling(ILogger logger, Guid consultationId);
}

/// <summary>The status DTO of a minutes' compile.</summary>
public static class MinutesStatusView
{
    public static MinutesCompileStatus From(MinutesDocument m) =>
        new(m.Id, m.CompileState.ToString(), m.CompileProgress, m.CompileAttempts, MinutesNotifier.MaxAttempts, m.CompileError, m.CurrentVersionNo);
}
