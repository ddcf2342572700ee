namespace Deliberation.Core.Rooms;

/// <summary>
/// One event of a room's public stream. <see cref="Seq"/> is per room, gap-free and increasing: it is
/// allocated in the same transaction that commits the action, so a reconnecting client asks for the events
/// after the last sequence it saw and gets exactly those, in order.
/// </summary>
public class RoomEvent
{
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Position in the room's stream, from 1.</summary>
    public long Seq { get; set; }
    /// <summary>Event name as clients see it, e.g. <c>CommentShown</c>.</summary>
    public required string Type { get; set; }
    /// <summary>The event payload as JSON (camelCase), exactly as broadcast.</summary>
    public required string Payload { get; set; }
    /// <summary>Commit time.</summary>
    public DateTimeOffset At { get; set; }
}

/// <summary>The last sequence number handed out in a room; its row lock orders the room's commits.</summary>
public class RoomStream
{
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Last allocated sequence number (0 before the first event).</summary>
    public long LastSeq { get; set; }
}
