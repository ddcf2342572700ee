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

    [Fact]
    public async Task PeakAndDistinctViewers_EachKeepTheGreatest()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub);
        await Task.WhenAll(
            Task.Run(() => RaiseAsync(room.Id, 10, 100)),
            Task.Run(() => RaiseAsync(room.Id, 50, 20)),
            Task.Run(() => RaiseAsync(room.Id, 30, 60)));
        await PeakAsync(room.Id, 40); // the peak-only raise leaves the viewers alone
        var row = await hub.WithDbAsync(db => db.RoomPeaks.AsNoTracking().SingleAsync(p => p.ConsultationId == room.Id));
        Assert.Equal((50, 100), (row.PeakOnline, row.TotalViewers));
    }

    [Fact]
    public async Task ThePresencePush_CarriesThePeakAndDistinctViewers_AndStoresThem()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub);
        var tracker = hub.Services.GetRequiredService<Deliberation.Realtime.Rooms.PresenceTracker>();
        var conns = new[] { ("x1", "m:a"), ("x2", "m:a"), ("x3", "m:b"), ("x4", "a:1.2.3.4:0000abcd") };
        foreach (var (conn, key) in conns) tracker.Enter($"{room.Id:N}{conn}", room.Id, ParticipantTier.Member, key);
        PresenceView? view = null;
        for (var i = 0; i < 50 && view?.TotalViewers != 3; i++)
        {
            await Task.Delay(200);
            view = await tracker.CurrentAsync(room.Id);
        }
        // Four connections, three people: m:a twice.
        Assert.Equal((4, 4, 3), (view!.Total, view.Peak, view.TotalViewers));
        RoomPeak? row = null;
        for (var i = 0; i < 25 && row?.TotalViewers != 3; i++)
        {
            row = await hub.WithDbAsync(db => db.RoomPeaks.AsNoTracking().SingleOrDefaultAsync(p => p.ConsultationId == room.Id));
            if (row?.TotalViewers != 3) await Task.Delay(200);
        }
        Assert.Equal((4, 3), (row!.PeakOnline, row.TotalViewers));
        foreach (var (conn, _) in conns) tracker.Leave($"{room.Id:N}{conn}");
    }

    private async Task RaiseAsync(Guid roomId, int online, int viewers)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        await RoomPeaks.RaiseAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), roomId, online, viewers, None);
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
