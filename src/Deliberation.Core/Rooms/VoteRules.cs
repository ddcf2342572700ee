namespace Deliberation.Core.Rooms;

/// <summary>Quorum and pass arithmetic of formal votes, in integers so "more than half" is exact.</summary>
public static class VoteRules
{
    /// <summary>Quorum: present voters exceed <paramref name="percent"/>% of the expected voters (50 → more than half).</summary>
    public static bool QuorumMet(int present, int expected, int percent) => expected > 0 && present * 100L > expected * (long)percent;

    /// <summary>Passed: quorum met and "for" exceeds <paramref name="percent"/>% of the voters present.</summary>
    public static bool Passed(bool quorumMet, int forVotes, int present, int percent) => quorumMet && forVotes * 100L > present * (long)percent;
}
