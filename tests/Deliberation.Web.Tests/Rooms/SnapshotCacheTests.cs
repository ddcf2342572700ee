using Deliberation.Core.Rooms;
using Deliberation.Realtime.Rooms;

using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Rooms;

public class SnapshotCacheTests
{
    private static RoomSnapshot Snapshot(long seq) => new(seq, Guid.Empty, "", "Live", "Interact", "123456", [], null, null, [], [], [],
        RoomCommands.NoSpeaker, [], [], [], [], [], null, false, [], 5);

    [Fact]
    public async Task AJoinStorm_BuildsOneSnapshot_AndAStaleOneIsRebuilt()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var cache = new SnapshotCache(clock);
        var room = Guid.NewGuid();
        var builds = 0;
        Task<RoomSnapshot> Build() => Task.FromResult(Snapshot(++builds));

        var storm = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync(room, Build)));
        Assert.Equal(1, builds);
        Assert.All(storm, s => Assert.Equal(1, s.Seq));

        clock.Advance(TimeSpan.FromTicks(TimeSpan.FromMilliseconds(600).Ticks));
        Assert.Equal(2, (await cache.GetAsync(room, Build)).Seq);
    }
}
