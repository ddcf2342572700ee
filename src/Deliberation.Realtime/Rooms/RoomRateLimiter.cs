using System.Collections.Concurrent;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Per-participant limits, kept per room and participant key (not per connection, so opening more tabs does not
/// help): a general budget of calls, and the room's interval between public comments and questions.
/// </summary>
public sealed class RoomRateLimiter(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RealtimeOptions> options)
{
    private readonly int _burst = Math.Max(1, options.Value.CallBurst);
    private readonly double _refillPerSecond = options.Value.CallsPerSecond;
    private readonly ConcurrentDictionary<(Guid, string), Bucket> _buckets = new();
    private readonly ConcurrentDictionary<(Guid, string), long> _lastPost = new();

    private sealed class Bucket
    {
        public double Tokens = double.MaxValue;
        public long Stamp;
    }

    /// <summary>Takes one call from the participant's budget or throws <see cref="RoomErrors.RateLimited"/>.</summary>
    public void TakeCall(Guid roomId, string key)
    {
        var now = clock.GetTimestamp();
        var b = _buckets.GetOrAdd((roomId, key), _ => new Bucket { Stamp = now });
        lock (b)
        {
            b.Tokens = Math.Min(_burst, b.Tokens + clock.GetElapsedTime(b.Stamp, now).TotalSeconds * _refillPerSecond);
            b.Stamp = now;
            if (b.Tokens < 1) throw RoomErrors.Fail(RoomErrors.RateLimited);
            b.Tokens -= 1;
        }
    }

    /// <summary>Enforces the gap between two posts (comments or questions) of one public participant.</summary>
    public void TakePost(Guid roomId, string key, int intervalSeconds)
    {
        if (intervalSeconds <= 0) return;
        var now = clock.GetTimestamp();
        var ok = false;
        _lastPost.AddOrUpdate((roomId, key), _ => { ok = true; return now; }, (_, last) =>
        {
            if (clock.GetElapsedTime(last, now).TotalSeconds >= intervalSeconds)
            {
                ok = true;
                return now;
            }
            ok = false;
            return last;
        });
        if (!ok) throw RoomErrors.Fail(RoomErrors.RateLimited, intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
