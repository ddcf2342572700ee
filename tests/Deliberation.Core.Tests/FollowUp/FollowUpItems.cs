using Deliberation.Core.Auditing;
using Deliberation.Core.FollowUp;

namespace Deliberation.Core.Tests.FollowUp;

/// <summary>Builds outcome items in any status by walking the legal path, and applies any action with valid input.</summary>
internal static class FollowUpItems
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly Guid Lead = Guid.NewGuid();
    public static readonly Guid CoHandler = Guid.NewGuid();
    public static readonly Guid Proposer = Guid.NewGuid();
    public static readonly Actor Staff = new(Guid.NewGuid(), "工作人员");
    public static readonly FollowUpPolicy Policy = FollowUpPolicy.Default;

    public static OutcomeItem New(params Guid[] proposers)
    {
        var item = new OutcomeItem { Title = "建议", Text = "建议内容", CreatedAt = T0, UpdatedAt = T0 };
        foreach (var p in proposers.Length == 0 ? [Proposer] : proposers)
        {
            item.Proposers.Add(new OutcomeProposer { ItemId = item.Id, MemberId = p, Name = "委员" });
        }
        return item;
    }

    public static OutcomeItem In(FollowUpStatus status)
    {
        var item = New();
        foreach (var step in PathTo(status)) Apply(item, step.Action, step.Verdict);
        Assert.Equal(status, item.Status);
        return item;
    }

    private static IEnumerable<(FollowUpAction Action, Satisfaction Verdict)> PathTo(FollowUpStatus status)
    {
        var toAssigned = new[] { (FollowUpAction.Submit, Satisfaction.Satisfied), (FollowUpAction.Assign, Satisfaction.Satisfied) };
        var toReplied = toAssigned.Concat([(FollowUpAction.Accept, Satisfaction.Satisfied), (FollowUpAction.Reply, Satisfaction.Satisfied)]).ToArray();
        return status switch
        {
            FollowUpStatus.Pending => [],
            FollowUpStatus.Submitted => [(FollowUpAction.Submit, Satisfaction.Satisfied)],
            FollowUpStatus.Instructed => [(FollowUpAction.Submit, Satisfaction.Satisfied), (FollowUpAction.Instruct, Satisfaction.Satisfied)],
            FollowUpStatus.Assigned => toAssigned,
            FollowUpStatus.Returned => toAssigned.Append((FollowUpAction.Return, Satisfaction.Satisfied)),
            FollowUpStatus.InProgress => toAssigned.Append((FollowUpAction.Accept, Satisfaction.Satisfied)),
            FollowUpStatus.Replied => toReplied,
            FollowUpStatus.Escalated => toReplied.Concat([(FollowUpAction.Rate, Satisfaction.Dissatisfied),
                (FollowUpAction.Reply, Satisfaction.Satisfied), (FollowUpAction.Rate, Satisfaction.Dissatisfied)]),
            FollowUpStatus.Closed => toReplied.Append((FollowUpAction.Rate, Satisfaction.Satisfied)),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    /// <summary>Performs <paramref name="action"/> with input that passes every other check, one day after the last step.</summary>
    public static void Apply(OutcomeItem item, FollowUpAction action, Satisfaction verdict = Satisfaction.Satisfied)
    {
        var now = item.UpdatedAt.AddDays(1);
        switch (action)
        {
            case FollowUpAction.Submit: item.Submit(Staff, now); break;
            case FollowUpAction.Instruct: item.Instruct("请市住建局牵头办理", new Actor(Guid.NewGuid(), "领导"), now); break;
            case FollowUpAction.Assign: item.Assign(new AssignmentDraft(Lead, [CoHandler], now.AddDays(30), null), "市住建局", Staff, now); break;
            case FollowUpAction.Accept: item.Accept(Staff, now); break;
            case FollowUpAction.Return: item.Return("不属于本单位职责", Staff, now); break;
            case FollowUpAction.ReportProgress: item.ReportProgress(50, "已完成调研", true, Staff, now); break;
            case FollowUpAction.Reply: item.Reply(Reply(now), Staff, now); break;
            case FollowUpAction.Rate: item.Rate(Proposer, Rating(verdict), Policy, new Actor(Guid.NewGuid(), "委员"), now); break;
            case FollowUpAction.Close: item.Close("经领导同意办结", Policy, Staff, now); break;
            case FollowUpAction.ConfirmLookBack: item.LookBack(false, "成效巩固", Policy, Staff, now.AddYears(1)); break;
            case FollowUpAction.ReopenLookBack: item.LookBack(true, "问题反弹", Policy, Staff, now.AddYears(1)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    public static ReplyDraft Reply(DateTimeOffset now) =>
        new("答复正文", ContactMethod.Phone, now.AddHours(-1), "委员同意答复意见");

    public static RatingDraft Rating(Satisfaction overall) =>
        new(overall, overall, overall, overall, overall == Satisfaction.Dissatisfied ? "尚未解决" : null);
}
