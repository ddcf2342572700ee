using Deliberation.Core.Consultations;
using Deliberation.Realtime;
using Deliberation.Realtime.Rooms;
using Microsoft.Extensions.Options;

using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Rooms;

public class RateLimiterTests
{
    [Fact]
    public void AParticipantGetsABurst_ThenTheSustainedRate()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions { CallsPerSecond = 2, CallBurst = 3 }));
        var room = Guid.NewGuid();
        for (var i = 0; i < 3; i++) limiter.TakeCall(room, "v:a");
        Assert.Equal("room.rate_limited", Assert.Throws<DomainException>(() => limiter.TakeCall(room, "v:a")).Code);
        limiter.TakeCall(room, "v:b"); // others are not affected
        clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 2));
        limiter.TakeCall(room, "v:a");
    }

    [Fact]
    public void PublicPosts_WaitTheRoomsInterval()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var limiter = new RoomRateLimiter(clock, Options.Create(new RealtimeOptions()));
        var room = Guid.NewGuid();
        limiter.TakePost(room, "v:a", "203.0.113.1", 3);
        clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 2));
        Assert.Throws<DomainException>(() => limiter.TakePost(room, "v:a", "203.0.113.1", 3));
        clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond));
        limiter.TakePost(room, "v:a", "203.0.113.1", 3);
    }
}
