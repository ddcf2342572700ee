namespace Deliberation.Core.Common;

/// <summary>Keeps an ordered list numbered 1..n without gaps (sectors, committees, agenda items).</summary>
public static class Positions
{
    /// <summary>
    /// Moves <paramref name="item"/> to <paramref name="position"/> (1-based, clamped to the list) within
    /// <paramref name="ordered"/>, which is in display order, and renumbers every item through <paramref name="setOrder"/>.
    /// </summary>
    public static void Move<T>(IReadOnlyList<T> ordered, T item, int position, Action<T, int> setOrder) where T : class
    {
        var list = ordered.Where(x => !ReferenceEquals(x, item)).ToList();
        if (list.Count == ordered.Count) throw new ArgumentException("The item is not in the list.", nameof(item));
        list.Insert(Math.Clamp(position, 1, ordered.Count) - 1, item);
        Renumber(list, setOrder);
    }

    /// <summary>Numbers <paramref name="ordered"/> 1..n in its current order.</summary>
    public static void Renumber<T>(IEnumerable<T> ordered, Action<T, int> setOrder)
    {
        var n = 0;
        foreach (var x in ordered) setOrder(x, ++n);
    }
}
