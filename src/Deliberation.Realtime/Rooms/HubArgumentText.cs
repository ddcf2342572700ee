using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Deliberation.Core.Common;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Checks every string a hub call carries — plain arguments and the strings inside request records and lists, at any
/// depth — against <see cref="Text.IsStorable"/>, so that no method (a new one included) lets a NUL or a control
/// character through to PostgreSQL. Line breaks pass here; one-line fields are checked where they are stored.
/// </summary>
internal static class HubArgumentText
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Throws <c>room.invalid_text</c> (detail: the questionnaire item's key, when inside one) for the first bad string.</summary>
    public static void Require(IReadOnlyList<object?> arguments)
    {
        foreach (var argument in arguments) Visit(argument, null, 0);
    }

    private static void Visit(object? value, string? detail, int depth)
    {
        if (value is null || depth > MaxDepth) return;
        switch (value)
        {
            case string s:
                if (!Text.IsStorable(s)) throw RoomErrors.Fail(RoomErrors.InvalidText, detail);
                return;
            case QuestionnaireAnswer answer:
                Visit(answer.Key, null, depth + 1);
                Visit(answer.Text, answer.Key, depth + 1);
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    // A draft's items have no key yet; the server will number them q1, q2… in this order.
                    Visit(item, item is QuestionnaireItem ? $"q{++i}" : detail, depth + 1);
                }
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) != true) return;
        foreach (var p in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()))
        {
            Visit(p.GetValue(value), detail, depth + 1);
        }
    }
}
