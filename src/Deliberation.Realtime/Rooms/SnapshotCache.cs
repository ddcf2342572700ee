using System.Collections.Concurrent;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// One shared snapshot per room for viewers who only watch (they see the same room), rebuilt at most every
/// 500 ms. When a 直播 starts and thousands join at once, the database builds one snapshot, not thousands.
/// A snapshot a little behind is safe: events after its sequence arrive live, and the client fills any gap
/// with Resume.
/// </summary>
public sealed class SnapshotCache(TimeProvider clock)
{
    /// <summary>How long a shared snapshot is reused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<Guid, (long Stamp, Lazy<Task<RoomSnapshot>> Build)> _rooms = new();

    /// <summary>The room's shared watcher snapshot, built by <paramref name="build"/> when missing or stale.</summary>
    public Task<RoomSnapshot> GetAsync(Guid roomId, Func<Task<RoomSnapshot>> build)
    {
        var now = clock.GetTimestamp();
        var entry = _rooms.AddOrUpdate(roomId,
            _ => (now, new Lazy<Task<RoomSnapshot>>(build)),
            (_, old) => clock.GetElapsedTime(old.Stamp, now) < MaxAge && !old.Build.Value.IsFaulted && !old.Build.Value.IsCanceled
                ? old
                : (now, new Lazy<Task<RoomSnapshot>>(build)));
        return entry.Build.Value;
    }
}
