using Deliberation.Core.Consultations;

namespace Deliberation.Core.Tests;

public class ConsultationStatusTests
{
    private static Consultation NewDraft() => new() { Title = "t", RoomCode = "123456" };

    [Theory]
    [InlineData(ConsultationStatus.Draft, ConsultationStatus.Scheduled)]
    [InlineData(ConsultationStatus.Scheduled, ConsultationStatus.Draft)]
    [InlineData(ConsultationStatus.Scheduled, ConsultationStatus.Live)]
    [InlineData(ConsultationStatus.Live, ConsultationStatus.Ended)]
    [InlineData(ConsultationStatus.Ended, ConsultationStatus.Archived)]
    public void LegalMoves_AreAllowed(ConsultationStatus from, ConsultationStatus to) =>
        Assert.True(ConsultationStatusRules.CanMove(from, to));

    [Fact]
    public void EveryOtherMove_IsRejected()
    {
        var legal = new HashSet<(ConsultationStatus, ConsultationStatus)>
        {
            (ConsultationStatus.Draft, ConsultationStatus.Scheduled), (ConsultationStatus.Scheduled, ConsultationStatus.Draft),
            (ConsultationStatus.Scheduled, ConsultationStatus.Live), (ConsultationStatus.Live, ConsultationStatus.Ended),
            (ConsultationStatus.Ended, ConsultationStatus.Archived),
        };
        foreach (var from in Enum.GetValues<ConsultationStatus>())
        foreach (var to in Enum.GetValues<ConsultationStatus>())
        {
            Assert.Equal(legal.Contains((from, to)), ConsultationStatusRules.CanMove(from, to));
        }
    }

    [Fact]
    public void GoingLive_ThenEnding_RecordsBothTimes()
    {
        var c = NewDraft();
        var t0 = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
        c.MoveTo(ConsultationStatus.Scheduled, t0);
        c.MoveTo(ConsultationStatus.Live, t0.AddMinutes(1));
        c.MoveTo(ConsultationStatus.Ended, t0.AddHours(2));
        Assert.Equal(t0.AddMinutes(1), c.WentLiveAt);
        Assert.Equal(t0.AddHours(2), c.EndedAt);
        Assert.Equal(ConsultationStatus.Ended, c.Status);
    }

    [Fact]
    public void SkippingStraightFromDraftToLive_ThrowsAndKeepsTheStatus()
    {
        var c = NewDraft();
        var ex = Assert.Throws<DomainException>(() => c.MoveTo(ConsultationStatus.Live, DateTimeOffset.UtcNow));
        Assert.Equal("consultation.illegal_transition", ex.Code);
        Assert.Equal(ConsultationStatus.Draft, c.Status);
        Assert.Null(c.WentLiveAt);
    }

    [Fact]
    public void OnlyArchivedSessions_ReleaseTheirRoomCode()
    {
        foreach (var s in Enum.GetValues<ConsultationStatus>())
        {
            Assert.Equal(s != ConsultationStatus.Archived, ConsultationStatusRules.HoldsRoomCode(s));
        }
    }
}
