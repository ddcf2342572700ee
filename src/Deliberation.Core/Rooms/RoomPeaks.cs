using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>Reads and raises a room's <see cref="RoomPeak"/>.</summary>
public static class RoomPeaks
{
    /// <summary>
    /// Raises the room's peak to <paramref name="online"/> when that is higher, in one statement: concurrent
    /// raises from several nodes keep the greatest, and the session row is not touched.
    /// </summary>
    public static Task RaiseAsync(HubDbContext db, Guid roomId, int online, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RoomPeaks" ("ConsultationId", "PeakOnline") VALUES ({roomId}, {online})
            ON CONFLICT ("ConsultationId") DO UPDATE SET "PeakOnline" = excluded."PeakOnline"
            WHERE "RoomPeaks"."PeakOnline" < excluded."PeakOnline"
            """, ct);

    /// <summary>The room's peak; 0 when nobody was ever counted.</summary>
    public static async Task<int> ReadAsync(HubDbContext db, Guid roomId, CancellationToken ct) =>
        await db.RoomPeaks.Where(p => p.ConsultationId == roomId).Select(p => (int?)p.PeakOnline).SingleOrDefaultAsync(ct) ?? 0;
}
