using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using static Deliberation.Core.Tests.FollowUp.FollowUpItems;

namespace Deliberation.Core.Tests.FollowUp;

public class FollowUpRulesTests
{
    [Fact]
    public void Reply_WithoutConsultingTheProposer_IsRefused()
    {
        var item = In(FollowUpStatus.InProgress);
        var now = item.UpdatedAt.AddDays(1);
        var ex = Assert.Throws<DomainException>(() => item.Reply(new ReplyDraft("答复", null, null, null), Staff, now));
        Assert.Equal("followup.proposer_not_consulted", ex.Code);
        var stale = new ReplyDraft("答复", ContactMethod.Phone, T0.AddDays(-30), "很久以前谈过");
        Assert.Equal("followup.proposer_not_consulted", Assert.Throws<DomainException>(() => item.Reply(stale, Staff, now)).Code);
        Assert.Equal(FollowUpStatus.InProgress, item.Status);
    }

    [Fact]
    public void Reply_RecordsTheConsultation_AndWhetherItCameOnTime()
    {
        var item = In(FollowUpStatus.InProgress);
        var late = item.DueAt!.Value.AddDays(2);
        var reply = item.Reply(Reply(late), Staff, late);
        Assert.False(reply.OnTime);
        Assert.Equal(ContactMethod.Phone, reply.ContactMethod);
        Assert.Equal(Lead, reply.DepartmentId);
    }

    [Fact]
    public void OnlyProposers_Rate_AndOnlyOncePerRound()
    {
        var item = In(FollowUpStatus.Replied);
        var stranger = Assert.Throws<DomainException>(() =>
            item.Rate(Guid.NewGuid(), Rating(Satisfaction.Satisfied), Policy, Staff, item.UpdatedAt));
        Assert.Equal("followup.not_proposer", stranger.Code);

        var second = Guid.NewGuid();
        item.Proposers.Add(new OutcomeProposer { ItemId = item.Id, MemberId = second, Name = "第二位委员" });
        item.Rate(Proposer, Rating(Satisfaction.Satisfied), Policy, Staff, item.UpdatedAt);
        Assert.Equal(FollowUpStatus.Replied, item.Status);
        var again = Assert.Throws<DomainException>(() => item.Rate(Proposer, Rating(Satisfaction.Satisfied), Policy, Staff, item.UpdatedAt));
        Assert.Equal("followup.already_rated", again.Code);

        item.Rate(second, Rating(Satisfaction.BasicallySatisfied), Policy, Staff, item.UpdatedAt);
        Assert.Equal(FollowUpStatus.Closed, item.Status);
        Assert.Equal(Satisfaction.BasicallySatisfied, item.FinalSatisfaction);
    }

    [Fact]
    public void Dissatisfied_ReopensOnce_ThenEscalates_AndLeadersSendItBackForANewRound()
    {
        var item = In(FollowUpStatus.Replied);
        var at = item.UpdatedAt.AddDays(1);
        item.Rate(Proposer, Rating(Satisfaction.Dissatisfied), Policy, Staff, at);
        Assert.Equal(FollowUpStatus.InProgress, item.Status);
        Assert.Equal(2, item.Round);
        Assert.Equal(at.AddDays(Policy.RehandleDays), item.DueAt);
        Assert.Contains(item.Events, e => e.Kind == FollowUpEventKind.Reopened && e.IsPublic);

        Apply(item, FollowUpAction.Reply);
        Apply(item, FollowUpAction.Rate, Satisfaction.Dissatisfied);
        Assert.Equal(FollowUpStatus.Escalated, item.Status);

        Apply(item, FollowUpAction.Instruct);
        Apply(item, FollowUpAction.Assign);
        Assert.Equal(3, item.Round);
        Assert.Equal(FollowUpStatus.Assigned, item.Status);
    }

    [Fact]
    public void Dissatisfied_NeedsAComment()
    {
        var item = In(FollowUpStatus.Replied);
        var ex = Assert.Throws<ValidationFailedException>(() =>
            item.Rate(Proposer, new RatingDraft(Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, " "), Policy, Staff, item.UpdatedAt));
        Assert.Contains(ex.Errors, e => e.Field == "Comment");
        Assert.Empty(item.Ratings);
    }

    [Fact]
    public void Closing_SchedulesTheLookBack_WhichCanReopenOnlyOnceItIsNear()
    {
        var item = In(FollowUpStatus.Closed);
        Assert.Equal(item.ClosedAt!.Value.AddMonths(6), item.LookBackDueAt);
        Assert.Equal(100, item.ProgressPercent);
        var early = Assert.Throws<DomainException>(() => item.LookBack(true, "提前", Policy, Staff, item.ClosedAt.Value.AddDays(10)));
        Assert.Equal("followup.lookback_not_due", early.Code);

        var due = item.LookBackDueAt!.Value;
        item.LookBack(true, "问题反弹", Policy, Staff, due);
        Assert.Equal(FollowUpStatus.InProgress, item.Status);
        Assert.Equal(2, item.Round);
        Assert.Null(item.ClosedAt);
    }

    [Fact]
    public void ALookBack_IsDoneOnce()
    {
        var item = In(FollowUpStatus.Closed);
        item.LookBack(false, "成效巩固", Policy, Staff, item.LookBackDueAt!.Value);
        var ex = Assert.Throws<DomainException>(() => item.LookBack(true, "再看", Policy, Staff, item.LookBackDueAt.Value));
        Assert.Equal("followup.lookback_done", ex.Code);
    }

    [Fact]
    public void Return_IsInternal_ClearsTheAssignment_AndStaffReassign()
    {
        var item = In(FollowUpStatus.Returned);
        Assert.Null(item.LeadDepartmentId);
        Assert.Empty(item.CoHandlers);
        var returned = item.Events.Single(e => e.Kind == FollowUpEventKind.Returned);
        Assert.False(returned.IsPublic);
        Assert.Equal("不属于本单位职责", returned.Text);
        Apply(item, FollowUpAction.Assign);
        Assert.Equal(Lead, item.LeadDepartmentId);
        Assert.Equal(1, item.Round);
    }

    [Fact]
    public void Assign_DropsTheLeadFromCoHandlers_AndRefusesAPastDeadline()
    {
        var item = In(FollowUpStatus.Submitted);
        var now = T0.AddDays(5);
        var ex = Assert.Throws<ValidationFailedException>(() => item.Assign(new AssignmentDraft(Lead, [], now.AddDays(-1), null), "市住建局", Staff, now));
        Assert.Contains(ex.Errors, e => e.Field == "DueAt");
        item.Assign(new AssignmentDraft(Lead, [Lead, CoHandler, CoHandler], now.AddDays(20), "请抓紧"), "市住建局", Staff, now);
        Assert.Equal([CoHandler], item.CoHandlers.Select(c => c.DepartmentId));
        Assert.True(item.IsHandledBy(CoHandler));
    }

    [Fact]
    public void Overdue_IsFlaggedOncePerRound_AndClearedByTheReply()
    {
        var item = In(FollowUpStatus.InProgress);
        var late = item.DueAt!.Value.AddHours(1);
        Assert.False(item.IsOverdueAt(item.DueAt.Value.AddHours(-1)));
        Assert.NotNull(item.MarkOverdue(late));
        Assert.Null(item.MarkOverdue(late.AddDays(1)));
        item.Reply(Reply(late), Staff, late);
        Assert.Null(item.OverdueSince);
        Assert.False(item.IsOverdueAt(late.AddDays(5)));
    }

    [Fact]
    public void ProgressNotes_KeepTheirVisibility_AndPercent()
    {
        var item = In(FollowUpStatus.InProgress);
        var e = item.ReportProgress(40, "内部协调会", false, Staff, item.UpdatedAt);
        Assert.False(e.IsPublic);
        Assert.Equal(40, item.ProgressPercent);
        Assert.Throws<ValidationFailedException>(() => item.ReportProgress(120, "x", true, Staff, item.UpdatedAt));
    }

    [Fact]
    public void Instruction_TextStaysOffThePublicTimeline()
    {
        var item = In(FollowUpStatus.Instructed);
        Assert.Single(item.Instructions);
        var e = item.Events.Single(x => x.Kind == FollowUpEventKind.Instructed);
        Assert.True(e.IsPublic);
        Assert.Null(e.Text);
    }

    [Fact]
    public void TitleFrom_TakesTheFirstSentence() =>
        Assert.Equal("建议简化审批", OutcomeItem.TitleFrom("建议简化审批。具体如下"));
}
