using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.Common;

/// <summary>Recognises a unique-index clash reported by PostgreSQL.</summary>
public static class UniqueViolation
{
    /// <summary>Whether <paramref name="ex"/> is a unique violation, optionally of one named index.</summary>
    public static bool Is(DbUpdateException ex, string? constraint = null) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);
}
