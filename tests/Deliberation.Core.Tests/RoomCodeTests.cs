using Deliberation.Core.Consultations;

namespace Deliberation.Core.Tests;

public class RoomCodeTests
{
    [Theory]
    [InlineData("123456", true)]
    [InlineData("000001", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12a456", false)]
    [InlineData("１２３４５６", false)]
    [InlineData(null, false)]
    public void WellFormedCodes_AreSixAsciiDigits(string? code, bool expected) =>
        Assert.Equal(expected, RoomCodes.IsWellFormed(code));

    [Fact]
    public void Allocate_NeverReturnsACodeInUse()
    {
        var taken = new HashSet<string> { "100000", "100001" };
        var sequence = new Queue<int>([0, 1, 2]);
        var code = RoomCodes.Allocate(taken, _ => sequence.Dequeue());
        Assert.Equal("100002", code);
    }

    [Fact]
    public void Allocate_GivesSixDigitsWithoutLeadingZero()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = RoomCodes.Allocate(new HashSet<string>());
            Assert.True(RoomCodes.IsWellFormed(code));
            Assert.NotEqual('0', code[0]);
        }
    }

    [Fact]
    public void Allocate_GivesUpWithADomainErrorWhenEveryTryClashes()
    {
        var taken = new HashSet<string> { "100000" };
        var ex = Assert.Throws<DomainException>(() => RoomCodes.Allocate(taken, _ => 0));
        Assert.Equal("consultation.room_codes_exhausted", ex.Code);
    }

    [Fact]
    public void Draft_WithEndBeforeStart_ReportsTheEndField()
    {
        var start = DateTimeOffset.UtcNow;
        var draft = new ConsultationDraft("议题", null, ConsultationType.Online, ConsultationMode.Online, start, start.AddHours(-1), null, null, PublicAccess.Watch);
        Assert.Contains(draft.Validate(), e => e.Field == "EndsAt" && e.Code == "Validation.EndsBeforeStart");
    }
}
