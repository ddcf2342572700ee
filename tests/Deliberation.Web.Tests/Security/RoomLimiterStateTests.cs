using Deliberation.Core.Consultations;
using Deliberation.Realtime;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Tests.Security;

public class RoomLimiterStateTests
{
    [Fact]
    public void OneAddress_PostsOncePerInterval_WhateverKeysItUses()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions()));
        var room = Guid.NewGuid();
        limiter.TakePost(room, "v:a", "203.0.113.1", 3);
        Assert.Equal("room.rate_limited", Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:b", "203.0.113.1", 3)).Code);
        limiter.TakePost(room, "v:c", "203.0.113.2", 3); // another address
        limiter.TakePost(Guid.NewGuid(), "v:b", "203.0.113.1", 3); // another room
        clock.Advance(TimeSpan.FromSeconds(3));
        limiter.TakePost(room, "v:b", "203.0.113.1", 3);
    }

    [Fact]
    public void ARefusalByOneGate_DoesNotUseUpTheOther()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions { PublicPostsPerAddress = 2 }));
        var room = Guid.NewGuid();
        limiter.TakePost(room, "v:a", "203.0.113.1", 3);
        Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:a", "203.0.113.1", 3)); // the person's own interval
        limiter.TakePost(room, "v:b", "203.0.113.1", 3); // the address still had its second post
        Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:c", "203.0.113.1", 3));
    }

    [Fact]
    public void ManyKeys_DoNotPileUp_TheSweepDropsWhatNoLongerLimits()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions { CallsPerSecond = 10, CallBurst = 20 }));
        var room = Guid.NewGuid();
        for (var round = 0; round < 5; round++)
        {
            // One key per anonymous connection, one address each: 10,000 new keys a round.
            for (var i = 0; i < 10_000; i++)
            {
                limiter.TakeCall(room, $"c:{round}-{i}");
                limiter.TakePost(room, $"c:{round}-{i}", $"a{round}-{i}", 600);
            }
            Assert.InRange(limiter.TrackedKeys, 30_000, 30_000 + 3);
            // The longest interval later, every entry is as good as absent and goes at the next sweep.
            clock.Advance(TimeSpan.FromSeconds(RoomRateLimiter.MaxIntervalSeconds));
            limiter.TakeCall(room, "after");
            Assert.InRange(limiter.TrackedKeys, 1, 3);
        }
    }

    [Fact]
    public void AnEntryStillLimiting_SurvivesTheSweep()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions()));
        var room = Guid.NewGuid();
        limiter.TakePost(room, "v:a", "203.0.113.1", 600);
        clock.Advance(TimeSpan.FromSeconds(599));
        limiter.TakeCall(room, "sweeper"); // a sweep runs
        Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:b", "203.0.113.1", 600));
        Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:a", "203.0.113.9", 600));
    }
}
