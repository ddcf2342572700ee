using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// Guarantee 4: live-room writes never fail because of an unrelated concurrency token. The presence peak lives in
/// its own row, and the moderator's writes to the session row queue behind each other under its row lock.
/// </summary>
[Collection(HubCollection.Name)]
public class RoomWritesTests(HubFactory hub)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ThePeak_IsRaisedInItsOwnRow_AndNeverTouchesTheSessionRow()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub);
        var before = await RowVersionAsync(room.Id);
        await PeakAsync(room.Id, 40);
        await PeakAsync(room.Id, 25); // lower: kept at 40
        Assert.Equal(before, await RowVersionAsync(room.Id));
        Assert.Equal(40, await hub.WithDbAsync(db => RoomPeaks.ReadAsync(db, room.Id, None)));
    }

    [Fact]
    public async Task SettingsAnnouncementsAgendaAndStatus_ConcurrentWithPeakWrites_AllSucceed()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub, live: false);
        for (var run = 0; run < 20; run++)
        {
            var n = run;
            var writes = new List<Task>
            {
                room.RunAsync((c, r) => c.UpdateSettingsAsync(r, DirectRoom.Moderator, n % 2 == 0, false, 5, 3, n % 10, [$"词{n}"], None)),
                room.RunAsync((c, r) => c.AnnounceAsync(r, DirectRoom.Moderator, $"公告 {n}", None)),
                room.RunAsync((c, r) => c.AnnounceAsync(r, DirectRoom.Moderator, $"公告 {n}b", None)),
                room.RunAsync((c, r) => c.SetAgendaItemAsync(r, DirectRoom.Moderator, null, None)),
            };
            if (run == 0) writes.Add(room.RunAsync((c, r) => c.ChangeStatusAsync(r, DirectRoom.Moderator, ConsultationStatus.Live, None)));
            writes.AddRange(Enumerable.Range(1, 5).Select(k => Task.Run(() => PeakAsync(room.Id, n * 5 + k))));
            await Task.WhenAll(writes);
        }
        // Ending the session races peak writes and a settings change too.
        await Task.WhenAll(
            room.RunAsync((c, r) => c.ChangeStatusAsync(r, DirectRoom.Moderator, ConsultationStatus.Ended, None)),
            room.RunAsync((c, r) => c.UpdateSettingsAsync(r, DirectRoom.Moderator, true, true, 6, 4, 5, [], None)),
            Task.Run(() => PeakAsync(room.Id, 500)), Task.Run(() => PeakAsync(room.Id, 499)));

        var stored = await hub.WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == room.Id));
        Assert.Equal(ConsultationStatus.Ended, stored.Status);
        Assert.Equal((6, 4), (stored.Room.SpeakingMinutes, stored.Room.ReportThreshold));
        Assert.Equal(500, await hub.WithDbAsync(db => RoomPeaks.ReadAsync(db, room.Id, None)));
    }

    private async Task PeakAsync(Guid roomId, int online)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        await RoomPeaks.RaiseAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), roomId, online, None);
    }

    private Task<string> RowVersionAsync(Guid roomId) => hub.WithDbAsync(db => db.Database.SqlQuery<string>($"""
        SELECT xmin::text AS "Value" FROM "Consultations" WHERE "Id" = {roomId}
        """).SingleAsync());
}
