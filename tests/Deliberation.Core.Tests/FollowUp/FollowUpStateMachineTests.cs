using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;

namespace Deliberation.Core.Tests.FollowUp;

public class FollowUpStateMachineTests
{
    private static readonly HashSet<(FollowUpStatus, FollowUpAction)> Legal =
    [
        (FollowUpStatus.Pending, FollowUpAction.Submit),
        (FollowUpStatus.Submitted, FollowUpAction.Instruct),
        (FollowUpStatus.Submitted, FollowUpAction.Assign),
        (FollowUpStatus.Instructed, FollowUpAction.Instruct),
        (FollowUpStatus.Instructed, FollowUpAction.Assign),
        (FollowUpStatus.Assigned, FollowUpAction.Accept),
        (FollowUpStatus.Assigned, FollowUpAction.Return),
        (FollowUpStatus.Returned, FollowUpAction.Assign),
        (FollowUpStatus.InProgress, FollowUpAction.ReportProgress),
        (FollowUpStatus.InProgress, FollowUpAction.Reply),
        (FollowUpStatus.Replied, FollowUpAction.Rate),
        (FollowUpStatus.Replied, FollowUpAction.Close),
        (FollowUpStatus.Escalated, FollowUpAction.Instruct),
        (FollowUpStatus.Escalated, FollowUpAction.Close),
        (FollowUpStatus.Closed, FollowUpAction.ConfirmLookBack),
        (FollowUpStatus.Closed, FollowUpAction.ReopenLookBack),
    ];

    public static TheoryData<FollowUpStatus, FollowUpAction> EveryPair()
    {
        var data = new TheoryData<FollowUpStatus, FollowUpAction>();
        foreach (var s in Enum.GetValues<FollowUpStatus>())
        foreach (var a in Enum.GetValues<FollowUpAction>()) data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void TheTable_AllowsExactlyTheLegalMoves(FollowUpStatus status, FollowUpAction action) =>
        Assert.Equal(Legal.Contains((status, action)), FollowUpStateMachine.CanApply(status, action));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryLegalMove_LandsOnATarget_AndEveryIllegalOne_IsRefusedWithoutChange(FollowUpStatus status, FollowUpAction action)
    {
        var item = FollowUpItems.In(status);
        var events = item.Events.Count;
        if (Legal.Contains((status, action)))
        {
            FollowUpItems.Apply(item, action);
            Assert.Contains(item.Status, FollowUpStateMachine.Targets(status, action));
            Assert.True(item.Events.Count > events);
            Assert.All(item.Events.Skip(events), e => Assert.NotNull(e.To));
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => FollowUpItems.Apply(item, action));
            Assert.Equal("followup.illegal_transition", ex.Code);
            Assert.Equal(status, item.Status);
            Assert.Equal(events, item.Events.Count);
        }
    }

    [Theory]
    [InlineData(FollowUpStatus.Pending, FollowUpAction.Submit, FollowUpStatus.Submitted)]
    [InlineData(FollowUpStatus.Submitted, FollowUpAction.Instruct, FollowUpStatus.Instructed)]
    [InlineData(FollowUpStatus.Submitted, FollowUpAction.Assign, FollowUpStatus.Assigned)]
    [InlineData(FollowUpStatus.Instructed, FollowUpAction.Assign, FollowUpStatus.Assigned)]
    [InlineData(FollowUpStatus.Assigned, FollowUpAction.Accept, FollowUpStatus.InProgress)]
    [InlineData(FollowUpStatus.Assigned, FollowUpAction.Return, FollowUpStatus.Returned)]
    [InlineData(FollowUpStatus.Returned, FollowUpAction.Assign, FollowUpStatus.Assigned)]
    [InlineData(FollowUpStatus.InProgress, FollowUpAction.ReportProgress, FollowUpStatus.InProgress)]
    [InlineData(FollowUpStatus.InProgress, FollowUpAction.Reply, FollowUpStatus.Replied)]
    [InlineData(FollowUpStatus.Replied, FollowUpAction.Rate, FollowUpStatus.Closed)]
    [InlineData(FollowUpStatus.Replied, FollowUpAction.Close, FollowUpStatus.Closed)]
    [InlineData(FollowUpStatus.Escalated, FollowUpAction.Instruct, FollowUpStatus.Instructed)]
    [InlineData(FollowUpStatus.Escalated, FollowUpAction.Close, FollowUpStatus.Closed)]
    [InlineData(FollowUpStatus.Closed, FollowUpAction.ConfirmLookBack, FollowUpStatus.Closed)]
    [InlineData(FollowUpStatus.Closed, FollowUpAction.ReopenLookBack, FollowUpStatus.InProgress)]
    public void EachLegalMove_GoesWhereTheLoopSays(FollowUpStatus from, FollowUpAction action, FollowUpStatus to)
    {
        var item = FollowUpItems.In(from);
        FollowUpItems.Apply(item, action);
        Assert.Equal(to, item.Status);
    }

    [Fact]
    public void AllowedActions_ComeFromTheTable() =>
        Assert.Equal([FollowUpAction.Accept, FollowUpAction.Return], FollowUpStateMachine.Allowed(FollowUpStatus.Assigned));
}
