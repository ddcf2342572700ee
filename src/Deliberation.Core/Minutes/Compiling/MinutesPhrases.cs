using System.Globalization;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>
/// The wording the compiler writes into the document (labels, counts, table headers), kept as data so the
/// document's language and house phrasing can change without code. Keys are like <c>attendance.total</c>.
/// </summary>
public sealed class MinutesPhrases(IReadOnlyDictionary<string, string> phrases)
{
    /// <summary>The phrase for <paramref name="key"/>; the key itself when missing, so a gap is visible, not fatal.</summary>
    public string this[string key] => phrases.TryGetValue(key, out var v) ? v : key;

    /// <summary>The phrase for <paramref name="key"/> with <c>{0}</c>… filled in.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>The label of an enum value, key <c>{EnumType}.{Value}</c>.</summary>
    public string Enum<T>(T value) where T : struct, System.Enum => this[$"{typeof(T).Name}.{value}"];

    /// <summary>Keys the compiler needs that the table lacks.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> required) => required.Where(k => !phrases.ContainsKey(k)).ToList();
}
