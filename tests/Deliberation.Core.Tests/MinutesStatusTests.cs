using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;

namespace Deliberation.Core.Tests;

public class MinutesStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 18, 8, 0, 0, TimeSpan.Zero);

    private static MinutesDocument Compiled() => new() { CurrentVersionNo = 1 };

    [Theory]
    [InlineData(MinutesStatus.Draft, MinutesStatus.InReview, true)]
    [InlineData(MinutesStatus.InReview, MinutesStatus.Draft, true)]
    [InlineData(MinutesStatus.InReview, MinutesStatus.Signed, true)]
    [InlineData(MinutesStatus.Signed, MinutesStatus.Published, true)]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Signed, false)]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Published, false)]
    [InlineData(MinutesStatus.InReview, MinutesStatus.Published, false)]
    [InlineData(MinutesStatus.Signed, MinutesStatus.Draft, false)]
    [InlineData(MinutesStatus.Published, MinutesStatus.Draft, false)]
    [InlineData(MinutesStatus.Published, MinutesStatus.InReview, false)]
    [InlineData(MinutesStatus.Published, MinutesStatus.Signed, false)]
    public void OnlyTheReviewPathIsLegal(MinutesStatus from, MinutesStatus to, bool legal) => Assert.Equal(legal, MinutesStatusRules.CanMove(from, to));

    [Fact]
    public void IllegalMove_Throws_AndTheStatusStays()
    {
        var m = Compiled();
        var ex = Assert.Throws<DomainException>(() => m.MoveTo(MinutesStatus.Published, "甲", Now));
        Assert.Equal("minutes.illegal_transition", ex.Code);
        Assert.Equal(MinutesStatus.Draft, m.Status);
    }

    [Fact]
    public void EmptyMinutes_CannotGoToReview() =>
        Assert.Equal("minutes.empty", Assert.Throws<DomainException>(() => new MinutesDocument().MoveTo(MinutesStatus.InReview, "甲", Now)).Code);

    [Fact]
    public void Signing_RecordsWho_AndReturningToDraftClearsIt()
    {
        var m = Compiled();
        m.MoveTo(MinutesStatus.InReview, "工作人员", Now);
        m.MoveTo(MinutesStatus.Signed, "周国平", Now);
        Assert.Equal("周国平", m.SignedBy);
        Assert.Throws<DomainException>(m.EnsureEditable);
        m.MoveTo(MinutesStatus.Published, "工作人员", Now.AddHours(1));
        Assert.Equal(1, m.PublishedVersionNo);
        Assert.Equal(Now.AddHours(1), m.PublishedAt);
    }

    [Fact]
    public void PublishedMinutes_AreImmutable()
    {
        var m = Compiled();
        m.MoveTo(MinutesStatus.InReview, "甲", Now);
        m.MoveTo(MinutesStatus.Signed, "乙", Now);
        m.MoveTo(MinutesStatus.Published, "甲", Now);
        Assert.Empty(MinutesStatusRules.Next(MinutesStatus.Published));
        Assert.False(MinutesStatusRules.IsEditable(m.Status));
        Assert.False(MinutesStatusRules.CanRecompile(m.Status));
        Assert.Equal("minutes.not_editable", Assert.Throws<DomainException>(m.EnsureEditable).Code);
        foreach (var s in Enum.GetValues<MinutesStatus>()) Assert.Throws<DomainException>(() => m.MoveTo(s, "甲", Now));
    }

    [Fact]
    public void OnlyADraftMayBeRecompiled()
    {
        Assert.True(MinutesStatusRules.CanRecompile(MinutesStatus.Draft));
        Assert.False(MinutesStatusRules.CanRecompile(MinutesStatus.InReview));
        Assert.False(MinutesStatusRules.CanRecompile(MinutesStatus.Signed));
    }
}
