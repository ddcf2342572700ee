using System.Diagnostics;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Turns every failure of a hub method into a typed error code the client localises: text that cannot be stored
/// gives <c>room.invalid_text</c> before the method runs (<see cref="HubArgumentText"/>); domain rules give their own
/// code; a database that is briefly away gives <c>room.try_again</c>; anything else <c>room.server_error</c> with the
/// correlation id the error log carries. A failed call changed nothing: each action is one transaction.
/// Expected refusals are one line at Debug (bad input at Information), without a stack trace; only real faults are errors.
/// </summary>
public sealed partial class RoomHubFilter(ILogger<RoomHubFilter> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            HubArgumentText.Require(context.HubMethodArguments);
            return await next(context);
        }
        catch (DomainException ex)
        {
            if (ex.Code is RoomErrors.InvalidText) LogBadInput(logger, context.HubMethodName, ex.Code, context.Context.ConnectionId);
            else LogRefused(logger, context.HubMethodName, ex.Code);
            // "room.too_long:500": the client shows the limit, the item or the wait with the message.
            throw new HubException(ex.Detail is { } d && SafeDetail().IsMatch(d) ? $"{ex.Code}:{d}" : ex.Code);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex) when (context.Context.ConnectionAborted.IsCancellationRequested && IsCancellation(ex))
        {
            // The caller went away mid-call (page closed, network gone): nobody to answer, nothing to report.
            LogCancelled(logger, context.HubMethodName);
            throw new HubException(RoomErrors.TryAgain);
        }
        catch (Exception ex) when (DatabaseFaults.IsTransient(ex))
        {
            LogTransient(logger, context.HubMethodName, ex.GetBaseException().Message);
            throw new HubException(RoomErrors.TryAgain);
        }
        catch (Exception ex)
        {
            // The same id goes to the caller ("room.server_error:<id>"), who can quote it to staff.
            var correlationId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            LogFailed(logger, context.HubMethodName, correlationId, ex);
            throw new HubException($"{RoomErrors.ServerError}:{correlationId}");
        }
    }

    /// <summary>A cancellation, also as the database driver or EF report it (wrapped in their own exceptions).</summary>
    private static bool IsCancellation(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OperationCanceledException) return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")]
    private static partial System.Text.RegularExpressions.Regex SafeDetail();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room call {Method} failed for a transient reason: {Reason}")]
    private static partial void LogTransient(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room call {Method} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string method, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room call {Method} refused: {Code} (connection {ConnectionId})")]
    private static partial void LogBadInput(ILogger logger, string method, string code, string connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room call {Method} cancelled: the caller went away")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room call {Method} failed {CorrelationId}")]
    private static partial void LogFailed(ILogger logger, string method, string correlationId, Exception ex);
}
