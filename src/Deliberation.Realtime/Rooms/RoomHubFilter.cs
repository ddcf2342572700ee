using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Turns every failure of a hub method into a typed error code the client localises: domain rules give their
/// own code; a database that is briefly away gives <c>room.try_again</c>; anything else <c>room.server_error</c>.
/// A failed call changed nothing: each action is one transaction.
/// </summary>
public sealed partial class RoomHubFilter(ILogger<RoomHubFilter> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            // "room.too_long:500": the client shows the limit, the item or the wait with the message.
            throw new HubException(ex.Detail is { } d && SafeDetail().IsMatch(d) ? $"{ex.Code}:{d}" : ex.Code);
        }
        catch (HubException)
        {
            throw;
        }
        catch (OperationCanceledException) when (context.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The caller went away mid-call (page closed, network gone): nobody to answer, nothing to report.
            throw new HubException(RoomErrors.TryAgain);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            LogTransient(logger, context.HubMethodName, ex.GetBaseException().Message);
            throw new HubException(RoomErrors.TryAgain);
        }
        catch (Exception ex)
        {
            LogFailed(logger, context.HubMethodName, ex);
            throw new HubException(RoomErrors.ServerError);
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => true,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        TimeoutException => true,
        _ => false,
    };

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")]
    private static partial System.Text.RegularExpressions.Regex SafeDetail();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room call {Method} failed for a transient reason: {Reason}")]
    private static partial void LogTransient(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room call {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception ex);
}
