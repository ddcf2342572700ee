using Deliberation.Core.Rooms;

namespace Deliberation.Core.Tests;

/// <summary>The quorum and pass rule of formal votes (表决) at their boundaries; both are measured against 应到.</summary>
public class VoteRulesTests
{
    [Theory]
    [InlineData(6, 10, 50, true)]   // more than half present
    [InlineData(5, 10, 50, false)]  // exactly half is not more than half
    [InlineData(4, 10, 50, false)]
    [InlineData(3, 5, 50, true)]    // odd: 3 of 5
    [InlineData(2, 5, 50, false)]   // 2.5 would be half: 2 is under
    [InlineData(7, 10, 66, true)]   // two thirds, rounded by integers: 700 > 660
    [InlineData(6, 9, 66, true)]    // 600 > 594
    [InlineData(6, 9, 67, false)]   // 600 > 603 fails
    [InlineData(10, 10, 100, false)] // "more than all" can never be met
    [InlineData(1, 10, 0, true)]    // 0 %: anyone present
    [InlineData(0, 10, 0, false)]   // … but someone
    [InlineData(0, 0, 50, false)]   // no expected voters: never quorate
    public void Quorum_CountsPresentAgainstExpected_Strictly(int present, int expected, int percent, bool met) =>
        Assert.Equal(met, VoteRules.QuorumMet(present, expected, percent));

    [Theory]
    [InlineData(6, 10, true)]   // a majority of all 10 expected
    [InlineData(5, 10, false)]  // exactly half of 应到 fails
    [InlineData(3, 5, true)]
    [InlineData(2, 5, false)]
    public void Passed_NeedsMoreThanPercentOfExpected(int forVotes, int expected, bool passed) =>
        Assert.Equal(passed, VoteRules.Passed(quorumMet: true, forVotes, expected, 50));

    [Fact]
    public void Passed_IsMeasuredAgainstExpected_NotPresent()
    {
        // 10 expected, 6 present (quorate), 4 for and 2 against: a majority of those present but not of 应到.
        Assert.True(VoteRules.QuorumMet(6, 10, 50));
        Assert.False(VoteRules.Passed(VoteRules.QuorumMet(6, 10, 50), 4, 10, 50));
        // Every one of the 6 present for: 6 of 10 passes.
        Assert.True(VoteRules.Passed(VoteRules.QuorumMet(6, 10, 50), 6, 10, 50));
    }

    [Fact]
    public void Ties_AndAbstentions_DoNotPass()
    {
        // 8 present of 10: 4 for and 4 against is a tie and fails; 6 for and 2 against passes (6 > 10 × 50 %).
        Assert.False(VoteRules.Passed(true, 4, 10, 50));
        Assert.True(VoteRules.Passed(true, 6, 10, 50));
        // Abstentions count as not "for": 5 for, 0 against, 3 abstain of 10 expected is exactly half and fails.
        Assert.False(VoteRules.Passed(true, 5, 10, 50));
    }

    [Fact]
    public void NoQuorum_NothingPasses()
    {
        // 5 of 10 present (exactly half): not quorate, so even 5 unanimous "for" votes do not pass.
        var quorum = VoteRules.QuorumMet(5, 10, 50);
        Assert.False(quorum);
        Assert.False(VoteRules.Passed(quorum, 5, 10, 0));
        Assert.False(VoteRules.Passed(quorum, 10, 10, 50));
    }

    [Fact]
    public void NoExpectedVoters_NothingPasses() => Assert.False(VoteRules.Passed(true, 0, 0, 0));

    [Theory]
    [InlineData(int.MaxValue, int.MaxValue, 99, true)]
    [InlineData(int.MaxValue / 2, int.MaxValue, 50, false)]
    public void LargeCounts_DoNotOverflow(int forVotes, int expected, int percent, bool passed) =>
        Assert.Equal(passed, VoteRules.Passed(true, forVotes, expected, percent));
}
