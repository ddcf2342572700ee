using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Rooms;

/// <summary>Turns this node's counts into room-wide presence.</summary>
public interface IPresenceStore
{
    /// <summary>Records this node's counts for the room and returns the room-wide counts.</summary>
    Task<PresenceView> RoomWideAsync(Guid roomId, int[] localCountsByTier);

    /// <summary>Rooms that other nodes report people in (so this node pushes their counts too).</summary>
    Task<IReadOnlyCollection<Guid>> ActiveRoomsAsync();

    /// <summary>Whether this node sends the room's presence push this second (one node per room does).</summary>
    Task<bool> ShouldPushAsync(Guid roomId);

    /// <summary>
    /// Adds the viewers (distinct keys) this node saw join since its last call, and returns how many distinct viewers
    /// the room has had on all nodes; null when that cannot be known now (the last known count stands).
    /// </summary>
    Task<int?> CountViewersAsync(Guid roomId, IReadOnlyCollection<string> joined);

    /// <summary>Builds a view from counts indexed by <see cref="ParticipantTier"/>.</summary>
    static PresenceView ToView(int[] counts) =>
        new(counts.Sum(), Enum.GetValues<ParticipantTier>().Where(t => counts[(int)t] > 0).ToDictionary(t => t.ToString(), t => counts[(int)t]));
}

/// <summary>One node: its own counts are the room's; distinct viewers are a set in memory.</summary>
public sealed class LocalPresenceStore : IPresenceStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, HashSet<string>> _viewers = new();

    /// <inheritdoc />
    public Task<int?> CountViewersAsync(Guid roomId, IReadOnlyCollection<string> joined)
    {
        var set = _viewers.GetOrAdd(roomId, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (set)
        {
            foreach (var key in joined) set.Add(key);
            return Task.FromResult<int?>(set.Count);
        }
    }

    /// <inheritdoc />
    public Task<PresenceView> RoomWideAsync(Guid roomId, int[] localCountsByTier) => Task.FromResult(IPresenceStore.ToView(localCountsByTier));

    /// <inheritdoc />
    public Task<IReadOnlyCollection<Guid>> ActiveRoomsAsync() => Task.FromResult<IReadOnlyCollection<Guid>>([]);

    /// <inheritdoc />
    public Task<bool> ShouldPushAsync(Guid roomId) => Task.FromResult(true);
}
