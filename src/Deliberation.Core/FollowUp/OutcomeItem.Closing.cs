using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;

namespace Deliberation.Core.FollowUp;

public partial class OutcomeItem
{
    /// <summary>
    /// 满意度测评 by one proposer. When every proposer has rated the round, the worst verdict decides: 不满意 sends
    /// it back for 再办理 the first time and escalates to leaders after that; otherwise the item closes.
    /// Needs <see cref="Proposers"/> and this round's <see cref="Ratings"/> loaded.
    /// </summary>
    public FollowUpRating Rate(Guid memberId, RatingDraft draft, FollowUpPolicy policy, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Rate);
        if (Proposers.All(p => p.MemberId != memberId)) throw new DomainException("followup.not_proposer");
        if (Ratings.Any(r => r.Round == Round && r.MemberId == memberId)) throw new DomainException("followup.already_rated");
        if (draft.Overall == Satisfaction.Dissatisfied) Check.Required(draft.Comment, "Comment", 1000);
        else if (draft.Comment is { Length: > 1000 }) throw new ValidationFailedException([("Comment", "Validation.TooLong")]);
        var rating = new FollowUpRating
        {
            ItemId = Id, Round = Round, MemberId = memberId, Overall = draft.Overall, Communication = draft.Communication,
            Adoption = draft.Adoption, Effect = draft.Effect, Comment = Check.Optional(draft.Comment), RatedAt = now,
        };
        Ratings.Add(rating);
        Move(FollowUpAction.Rate, FollowUpStatus.Replied, FollowUpEventKind.Rated, actor, now, null).Verdict = draft.Overall;

        var round = Ratings.Where(r => r.Round == Round).ToList();
        if (Proposers.Any(p => round.All(r => r.MemberId != p.MemberId))) return rating;
        var worst = round.Max(r => r.Overall);
        FinalSatisfaction = worst;
        // What follows from the ratings is the rule's doing, not the last rater's: the timeline shows the system.
        if (worst != Satisfaction.Dissatisfied)
        {
            CloseAt(FollowUpAction.Rate, policy, Actor.System, now, null);
        }
        else if (DissatisfiedReopens == 0)
        {
            DissatisfiedReopens++;
            StartRound(now);
            DueAt = now.AddDays(policy.RehandleDays);
            Move(FollowUpAction.Rate, FollowUpStatus.InProgress, FollowUpEventKind.Reopened, Actor.System, now, null);
        }
        else
        {
            Move(FollowUpAction.Rate, FollowUpStatus.Escalated, FollowUpEventKind.Escalated, Actor.System, now, null);
        }
        return rating;
    }

    /// <summary>办结 by staff: after a reply whose ratings are incomplete, or after leaders decided on an escalation.</summary>
    public FollowUpEvent Close(string reason, FollowUpPolicy policy, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Close);
        var why = Check.Required(reason, "Reason", 1000);
        var rated = Ratings.Where(r => r.Round == Round).ToList();
        if (rated.Count > 0) FinalSatisfaction = rated.Max(r => r.Overall);
        return CloseAt(FollowUpAction.Close, policy, actor, now, why);
    }

    /// <summary>
    /// 回头看: the look-back review, once it is due. Either the result holds, or the problem came back and the lead
    /// department handles it again in a new round.
    /// </summary>
    public FollowUpEvent LookBack(bool reopen, string note, FollowUpPolicy policy, Actor actor, DateTimeOffset now)
    {
        var action = reopen ? FollowUpAction.ReopenLookBack : FollowUpAction.ConfirmLookBack;
        FollowUpStateMachine.Ensure(Status, action);
        if (LookBackDoneAt is not null) throw new DomainException("followup.lookback_done");
        if (LookBackDueAt is { } due && now < due.AddDays(-30)) throw new DomainException("followup.lookback_not_due");
        var text = Check.Required(note, "Note", 2000);
        LookBackDoneAt = now;
        if (!reopen)
        {
            return Move(action, FollowUpStatus.Closed, FollowUpEventKind.LookBackConfirmed, actor, now, text);
        }
        StartRound(now);
        DueAt = now.AddDays(policy.RehandleDays);
        ClosedAt = null;
        return Move(action, FollowUpStatus.InProgress, FollowUpEventKind.LookBackReopened, actor, now, text);
    }

    private FollowUpEvent CloseAt(FollowUpAction action, FollowUpPolicy policy, Actor actor, DateTimeOffset now, string? reason)
    {
        ClosedAt = now;
        LookBackDueAt = now.AddMonths(policy.LookBackMonths);
        LookBackDoneAt = null;
        ProgressPercent = 100;
        OverdueSince = null;
        return Move(action, FollowUpStatus.Closed, FollowUpEventKind.Closed, actor, now, reason);
    }
}
