using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.Persistence;

/// <summary>Which database failures are worth a retry by the caller (<c>room.try_again</c>) rather than a fault report.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// The database is away, restarting, out of connections or dropped this connection — also when EF or a wrapping
    /// exception carries such a failure inside.
    /// </summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException => true,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections } => true,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        TimeoutException => true,
        _ => false,
    };
}
