using System.Collections.Concurrent;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Counts that only grow (question votes, vote turnout), waiting to be pushed. Marks come from concurrent calls
/// and can arrive out of order, so a mark keeps the largest value; <see cref="Take"/> removes exactly the values it
/// returns (compare-and-remove), so a value marked while a push is being prepared is never dropped: it stays for the
/// next take.
/// </summary>
public sealed class PendingCounts<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _pending = new();

    /// <summary>Whether nothing waits.</summary>
    public bool IsEmpty => _pending.IsEmpty;

    /// <summary>Notes <paramref name="value"/> for <paramref name="key"/>, keeping the larger of it and what waits.</summary>
    public void Mark(TKey key, int value) => _pending.AddOrUpdate(key, value, (_, old) => Math.Max(old, value));

    /// <summary>Takes what waits. An entry whose value changed between the copy and its removal stays (with the newer value).</summary>
    public IReadOnlyList<KeyValuePair<TKey, int>> Take() => _pending.ToArray().Where(_pending.TryRemove).ToList();
}
