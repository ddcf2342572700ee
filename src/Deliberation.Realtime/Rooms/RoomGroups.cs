namespace Deliberation.Realtime.Rooms;

/// <summary>The one place group names are made. Clients never name a group; the server adds connections.</summary>
public static class RoomGroups
{
    private const string RoomPrefix = "room:";

    /// <summary>Everyone in a room.</summary>
    public static string Room(Guid roomId) => $"{RoomPrefix}{roomId:N}";

    /// <summary>Whether a group is a whole room (sent by the room fan-out rather than SignalR's own groups).</summary>
    public static bool IsRoom(string group) => group.StartsWith(RoomPrefix, StringComparison.Ordinal);

    /// <summary>The room's moderators and staff.</summary>
    public static string Moderators(Guid roomId) => $"mod:{roomId:N}";

    /// <summary>One participant's connections in a room (a person may have several tabs).</summary>
    public static string Participant(Guid roomId, string participantKey) => $"p:{roomId:N}:{participantKey}";
}
