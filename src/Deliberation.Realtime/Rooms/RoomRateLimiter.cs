using System.Collections.Concurrent;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Per-participant limits, kept per room and participant key (not per connection, so opening more tabs does not
/// help): a general budget of calls, and the room's interval between public comments and questions. The interval
/// also holds per client address, so a visitor who takes a fresh visitor cookie for every post gains nothing.
/// State is bounded: an entry that no longer limits anything (a full bucket, a post older than the longest
/// interval) is swept away, so one key per anonymous connection does not pile up for the life of the process.
/// </summary>
public sealed class RoomRateLimiter(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RealtimeOptions> options)
{
    /// <summary>The longest interval a room may set (RoomCommands.UpdateSettingsAsync refuses more).</summary>
    public const int MaxIntervalSeconds = 600;

    /// <summary>How often the sweep runs at most.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);

    private readonly int _burst = Math.Max(1, options.Value.CallBurst);
    private readonly double _refillPerSecond = Math.Max(0.001, options.Value.CallsPerSecond);
    private readonly int _postsPerAddress = Math.Max(1, options.Value.PublicPostsPerAddress);
    private readonly ConcurrentDictionary<(Guid, string), Bucket> _buckets = new();
    // Posts are rare (public posts only, one per interval), so one lock over both gates keeps "check both, then
    // take both" atomic: a post refused by one gate does not use up the other.
    private readonly Lock _postGate = new();
    private readonly Dictionary<(Guid, string), long> _lastPost = [];
    private readonly Dictionary<(Guid, string), Queue<long>> _addressPosts = [];
    private long _nextSweep;

    private sealed class Bucket
    {
        public double Tokens = double.MaxValue;
        public long Stamp;
    }

    /// <summary>Entries held now (buckets, participants' and addresses' last posts); for tests and diagnostics.</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_postGate) return _buckets.Count + _lastPost.Count + _addressPosts.Count;
        }
    }

    /// <summary>Takes one call from the participant's budget or throws <see cref="RoomErrors.RateLimited"/>.</summary>
    public void TakeCall(Guid roomId, string key)
    {
        var now = clock.GetTimestamp();
        SweepIfDue(now);
        var b = _buckets.GetOrAdd((roomId, key), _ => new Bucket { Stamp = now });
        lock (b)
        {
            b.Tokens = Math.Min(_burst, b.Tokens + clock.GetElapsedTime(b.Stamp, now).TotalSeconds * _refillPerSecond);
            b.Stamp = now;
            if (b.Tokens < 1) throw RoomErrors.Fail(RoomErrors.RateLimited);
            b.Tokens -= 1;
        }
    }

    /// <summary>
    /// Enforces the gap between two posts (comments or questions) of one public participant, and lets one client
    /// address (<paramref name="address"/>, see <see cref="ClientAddress"/>) make at most
    /// <see cref="RealtimeOptions.PublicPostsPerAddress"/> public posts per interval, whatever cookies it presents.
    /// </summary>
    public void TakePost(Guid roomId, string key, string address, int intervalSeconds)
    {
        if (intervalSeconds <= 0) return;
        var now = clock.GetTimestamp();
        SweepIfDue(now);
        var interval = TimeSpan.FromSeconds(intervalSeconds);
        lock (_postGate)
        {
            var keyOk = !_lastPost.TryGetValue((roomId, key), out var last) || clock.GetElapsedTime(last, now) >= interval;
            if (!_addressPosts.TryGetValue((roomId, address), out var recent))
            {
                recent = new Queue<long>();
                _addressPosts[(roomId, address)] = recent;
            }
            while (recent.Count > 0 && clock.GetElapsedTime(recent.Peek(), now) >= interval) recent.Dequeue();
            var addressOk = recent.Count < _postsPerAddress;
            if (!keyOk || !addressOk)
            {
                if (recent.Count == 0) _addressPosts.Remove((roomId, address));
                throw RoomErrors.Fail(RoomErrors.RateLimited, intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            _lastPost[(roomId, key)] = now;
            recent.Enqueue(now);
        }
    }

    /// <summary>Drops every entry that no longer limits anything; runs at most every <see cref="SweepEvery"/>.</summary>
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)(SweepEvery.TotalSeconds * clock.TimestampFrequency), due) != due)
        {
            return;
        }
        // A bucket left alone this long has refilled completely: dropping it changes nothing.
        var full = TimeSpan.FromSeconds(_burst / _refillPerSecond);
        foreach (var (k, b) in _buckets)
        {
            bool idle;
            lock (b) idle = clock.GetElapsedTime(b.Stamp, now) >= full;
            if (idle) _buckets.TryRemove(new KeyValuePair<(Guid, string), Bucket>(k, b));
        }
        var longest = TimeSpan.FromSeconds(MaxIntervalSeconds);
        lock (_postGate)
        {
            foreach (var (k, at) in _lastPost)
            {
                if (clock.GetElapsedTime(at, now) >= longest) _lastPost.Remove(k);
            }
            foreach (var (k, q) in _addressPosts)
            {
                if (q.Count == 0 || clock.GetElapsedTime(q.Last(), now) >= longest) _addressPosts.Remove(k);
            }
        }
    }
}
