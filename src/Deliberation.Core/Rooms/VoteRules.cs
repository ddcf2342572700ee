namespace Deliberation.Core.Rooms;

/// <summary>
/// Quorum and pass arithmetic of formal votes (表决), in integers so "more than half" is exact. Both rules are
/// measured against the expected voters (应到: participants with voting rights when the vote opened), as a CPPCC
/// body's rules require a majority of all its members, not of those who happen to attend:
/// <list type="bullet">
/// <item>Quorum: voters present (实到, checked in) exceed <c>QuorumPercent</c>% of the expected voters.</item>
/// <item>Passed: the quorum is met and "for" votes exceed <c>PassPercent</c>% of the expected voters.</item>
/// </list>
/// "Exceed" is strict: exactly half is not more than half. Abstentions, "against" votes and members who did not
/// vote all count the same — as not "for". With no expected voters nothing is quorate and nothing passes.
/// </summary>
public static class VoteRules
{
    /// <summary>Quorum: present voters exceed <paramref name="percent"/>% of the expected voters (50 → more than half).</summary>
    public static bool QuorumMet(int present, int expected, int percent) => expected > 0 && present * 100L > expected * (long)percent;

    /// <summary>Passed: quorum met and "for" exceeds <paramref name="percent"/>% of the expected voters (50 → more than half of 应到).</summary>
    public static bool Passed(bool quorumMet, int forVotes, int expected, int percent) => quorumMet && expected > 0 && forVotes * 100L > expected * (long)percent;
}
