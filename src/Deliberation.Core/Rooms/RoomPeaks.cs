using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>Reads and raises a room's <see cref="RoomPeak"/>.</summary>
public static class RoomPeaks
{
    /// <summary>
    /// Raises the room's peak to <paramref name="online"/> and its distinct viewers to <paramref name="viewers"/> where
    /// those are higher, in one statement: concurrent raises from several nodes keep the greatest of each, and the
    /// session row is not touched.
    /// </summary>
    public static Task RaiseAsync(HubDbContext db, Guid roomId, int online, int viewers, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RoomPeaks" ("ConsultationId", "PeakOnline", "TotalViewers") VALUES ({roomId}, {online}, {viewers})
            ON CONFLICT ("ConsultationId") DO UPDATE
            SET "PeakOnline" = GREATEST("RoomPeaks"."PeakOnline", excluded."PeakOnline"),
                "TotalViewers" = GREATEST("RoomPeaks"."TotalViewers", excluded."TotalViewers")
            WHERE "RoomPeaks"."PeakOnline" < excluded."PeakOnline" OR "RoomPeaks"."TotalViewers" < excluded."TotalViewers"
            """, ct);

    /// <summary>Raises the room's peak only (viewers unchanged).</summary>
    public static Task RaiseAsync(HubDbContext db, Guid roomId, int online, CancellationToken ct) => RaiseAsync(db, roomId, online, 0, ct);

    /// <summary>The room's peak; 0 when nobody was ever counted.</summary>
    public static async Task<int> ReadAsync(HubDbContext db, Guid roomId, CancellationToken ct) =>
        await db.RoomPeaks.Where(p => p.ConsultationId == roomId).Select(p => (int?)p.PeakOnline).SingleOrDefaultAsync(ct) ?? 0;
}
