using Deliberation.Core.Consultations;

namespace Deliberation.Core.Rooms;

/// <summary>Who is acting in a room, as the server established it (never as the client claims).</summary>
/// <param name="Key">Participant key: <c>u:{userId}</c> for accounts, <c>v:{visitorId}</c> for public visitors.</param>
/// <param name="Name">Name shown in the room.</param>
/// <param name="Tier">Attendance tier.</param>
/// <param name="ParticipantId">The registered participant row, if any.</param>
/// <param name="UserId">The account, if any.</param>
/// <param name="Sector">Sector (界别) of a member, or the department of a department representative.</param>
/// <param name="CanModerate">Moderator, staff or admin: may run the room.</param>
/// <param name="MayInteract">May comment, ask, answer polls (false for watch-only public viewers).</param>
/// <param name="MayTakeFloor">May request the floor (members, departments, experts, invited).</param>
public sealed record RoomActor(
    string Key,
    string Name,
    ParticipantTier Tier,
    Guid? ParticipantId,
    Guid? UserId,
    string? Sector,
    bool CanModerate,
    bool MayInteract,
    bool MayTakeFloor)
{
    /// <summary>Whether this is a public (anonymous) visitor.</summary>
    public bool IsPublic => Tier == ParticipantTier.Public;

    /// <summary>A public viewer who has not chosen a name: may watch, must pick a name to take part.</summary>
    public bool IsAnonymousWatcher => Key.StartsWith("c:", StringComparison.Ordinal);

    /// <summary>The key of an account.</summary>
    public static string UserKey(Guid userId) => $"u:{userId:N}";

    /// <summary>The key of a public visitor.</summary>
    public static string VisitorKey(Guid visitorId) => $"v:{visitorId:N}";
}
