using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Deliberation.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Compiles the draft of one minutes. Safe to run twice: a compile identical to the draft adds no version, and
/// minutes that left the draft status are skipped. Failures are retried twice (three attempts in all); each
/// failure is recorded on the minutes and pushed to the staff page with the retry state.
/// </summary>
[AutomaticRetry(Attempts = MinutesNotifier.MaxAttempts - 1, OnAttemptsExceeded = AttemptsExceededAction.Fail, DelaysInSeconds = [5, 30])]
public sealed partial class CompileMinutesJob(
    HubDbContext db, MinutesCompiler compiler, MinutesCommands commands, MinutesTemplateStore templates,
    IMinutesNotifier notifier, IServiceScopeFactory scopes, ILogger<CompileMinutesJob> logger,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Mail.MailOptions> site)
{
    /// <summary>Compiles for one committed request (<see cref="MinutesWorkItem"/>): once, even when the request was enqueued twice.</summary>
    [Queue(JobQueues.Minutes)]
    public async Task RunRequestAsync(Guid minutesId, Guid workId, PerformContext? context, CancellationToken ct)
    {
        if (!await MinutesWorkRuns.TakeAsync(db, workId, context, ct))
        {
            LogDuplicate(logger, minutesId, workId);
            return;
        }
        await RunAsync(minutesId, context, ct);
        await MinutesWorkRuns.DoneAsync(db, workId, null, TimeProvider.System.GetUtcNow(), ct);
    }

    [Queue(JobQueues.Minutes)]
    public async Task RunAsync(Guid minutesId, PerformContext? context, CancellationToken ct)
    {
        var minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == minutesId, ct);
        if (minutes is null || !MinutesStatusRules.CanRecompile(minutes.Status))
        {
            LogSkipped(logger, minutesId, minutes?.Status.ToString() ?? "missing");
            return;
        }
        var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
        await using var pump = new CompileProgressPump(minutesId, attempt, notifier, scopes);
        await pump.SetAsync(CompileState.Running, 0, null, 0);
        try
        {
            var input = new MinutesCompileInput(minutes.ConsultationId, minutes.Number, await templates.GetAsync(minutes.OrganizationId, ct),
                MinutesResources.Phrases, MinutesResources.StopWords, site.Value.SiteUrl);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var markdown = await compiler.CompileAsync(input, pump, ct);
            await pump.StopAsync();
            var versionNo = await commands.ApplyCompiledAsync(minutesId, markdown, ct);
            LogCompiled(logger, minutesId, versionNo, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await pump.SetAsync(CompileState.Succeeded, 100, null, versionNo);
        }
        catch (DomainException ex)
        {
            // The minutes went into review meanwhile (or the session vanished): retrying cannot help.
            await pump.StopAsync();
            LogRefused(logger, minutesId, ex.Code);
            await pump.SetAsync(CompileState.Failed, 0, ex.Code, minutes.CurrentVersionNo);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await pump.StopAsync();
            var final = attempt >= MinutesNotifier.MaxAttempts;
            LogFailed(logger, ex, minutesId, attempt, final);
            var message = ex.GetBaseException().Message;
            await pump.SetAsync(final ? CompileState.Failed : CompileState.Retrying, 0, message.Length > 900 ? message[..900] : message, minutes.CurrentVersionNo);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes {MinutesId}: compile request {WorkId} is run by another job; this one stops")]
    private static partial void LogDuplicate(ILogger logger, Guid minutesId, Guid workId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes {MinutesId} not compiled: {Status}")]
    private static partial void LogSkipped(ILogger logger, Guid minutesId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes {MinutesId} compiled as version {VersionNo} in {Ms:0} ms")]
    private static partial void LogCompiled(ILogger logger, Guid minutesId, int versionNo, double ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minutes {MinutesId} compile refused: {Code}")]
    private static partial void LogRefused(ILogger logger, Guid minutesId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Minutes {MinutesId} compile attempt {Attempt} failed (final: {Final})")]
    private static partial void LogFailed(ILogger logger, Exception ex, Guid minutesId, int attempt, bool final);
}
