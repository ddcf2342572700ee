namespace Deliberation.Realtime.Rooms;

/// <summary>The one place group names are made. Clients never name a group; the server adds connections.</summary>
public static class RoomGroups
{
    /// <summary>Everyone in a room.</summary>
    public static string Room(Guid roomId) => $"room:{roomId:N}";

    /// <summary>The room's moderators and staff.</summary>
    public static string Moderators(Guid roomId) => $"mod:{roomId:N}";

    /// <summary>One participant's connections in a room (a person may have several tabs).</summary>
    public static string Participant(Guid roomId, string participantKey) => $"p:{roomId:N}:{participantKey}";
}
