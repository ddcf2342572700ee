namespace Deliberation.Core.Rooms;

/// <summary>
/// The most people online at once in a room, for the minutes. Kept in its own row, not on the session: the presence
/// tracker raises it every second while a room fills, and a write to the session row would move the session's row
/// version under the moderator's concurrent settings, announcement or status change.
/// </summary>
public class RoomPeak
{
    /// <summary>The session (primary key).</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Most people online at once.</summary>
    public int PeakOnline { get; set; }
    /// <summary>Distinct people who opened the room (viewers of the 直播 included), for the minutes.</summary>
    public int TotalViewers { get; set; }
}
