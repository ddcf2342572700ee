namespace Deliberation.Core.Consultations;

/// <summary>Limits and tier rules for registering participants.</summary>
public static class ParticipantRules
{
    /// <summary>Longest display name the database keeps.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Longest affiliation the database keeps.</summary>
    public const int AffiliationMaxLength = 100;

    /// <summary>Tiers registered by name; members and departments are picked from the body's records instead.</summary>
    public static readonly IReadOnlyList<ParticipantTier> GuestTiers =
        [ParticipantTier.Moderator, ParticipantTier.Invited, ParticipantTier.Expert, ParticipantTier.Public];
}
