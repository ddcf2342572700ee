using System.Text.Encodings.Web;
using System.Text.Json;
using Deliberation.Core.Persistence;

namespace Deliberation.Core.Auditing;

/// <summary>Adds audit entries to the current unit of work, so they commit (or roll back) with the change.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Records that <paramref name="actor"/> did <paramref name="action"/> to a record.</summary>
    public static AuditEntry Record(HubDbContext db, Actor actor, string action, string entityType, object? entityId,
        object? before = null, object? after = null, DateTimeOffset? at = null)
    {
        var entry = new AuditEntry
        {
            At = at ?? DateTimeOffset.UtcNow,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
