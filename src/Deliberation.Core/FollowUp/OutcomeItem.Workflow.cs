using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;

namespace Deliberation.Core.FollowUp;

public partial class OutcomeItem
{
    /// <summary>报送: staff submit the item to leaders.</summary>
    public FollowUpEvent Submit(Actor actor, DateTimeOffset now) =>
        Move(FollowUpAction.Submit, FollowUpStatus.Submitted, FollowUpEventKind.Submitted, actor, now, null);

    /// <summary>
    /// 批示: a leader writes an instruction. After an escalation it sends the item back to staff for a new
    /// assignment. The instruction text itself stays internal; the public timeline only shows that one was given.
    /// </summary>
    public FollowUpEvent Instruct(string text, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Instruct);
        var body = Check.Required(text, "Text", 2000);
        Instructions.Add(new LeaderInstruction { ItemId = Id, Text = body, LeaderUserId = actor.UserId, LeaderName = actor.Name, At = now });
        return Move(FollowUpAction.Instruct, FollowUpStatus.Instructed, FollowUpEventKind.Instructed, actor, now, null);
    }

    /// <summary>交办: staff assign a lead department, co-handlers and a deadline (also to reassign a returned item).</summary>
    public FollowUpEvent Assign(AssignmentDraft draft, string leadName, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Assign);
        if (draft.DueAt <= now) throw new ValidationFailedException([("DueAt", "Validation.DeadlineInPast")]);
        if (RoundReplied) StartRound(now);
        LeadDepartmentId = draft.LeadDepartmentId;
        CoHandlers = draft.CoHandlerIds.Where(d => d != draft.LeadDepartmentId).Distinct()
            .Select(d => new OutcomeCoHandler { ItemId = Id, DepartmentId = d }).ToList();
        DueAt = draft.DueAt.ToUniversalTime();
        AssignedAt = now;
        RoundStartedAt ??= now;
        OverdueSince = null;
        var note = Check.Optional(draft.Note);
        return Move(FollowUpAction.Assign, FollowUpStatus.Assigned, FollowUpEventKind.Assigned, actor, now, note is null ? leadName : $"{leadName} · {note}");
    }

    /// <summary>签收: the lead department accepts the assignment.</summary>
    public FollowUpEvent Accept(Actor actor, DateTimeOffset now) =>
        Move(FollowUpAction.Accept, FollowUpStatus.InProgress, FollowUpEventKind.Accepted, actor, now, null);

    /// <summary>退回: the lead department returns the item with a reason (internal); staff reassign it.</summary>
    public FollowUpEvent Return(string reason, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Return);
        var why = Check.Required(reason, "Reason", 1000);
        LeadDepartmentId = null;
        CoHandlers.Clear();
        DueAt = null;
        return Move(FollowUpAction.Return, FollowUpStatus.Returned, FollowUpEventKind.Returned, actor, now, why, isPublic: false);
    }

    /// <summary>办理进展: a progress note with the percentage done; internal notes never reach the public board.</summary>
    public FollowUpEvent ReportProgress(int percent, string note, bool isPublic, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.ReportProgress);
        if (percent is < 0 or > 100) throw new ValidationFailedException([("Percent", "Validation.ValueInvalid")]);
        var text = Check.Required(note, "Note", 2000);
        ProgressPercent = percent;
        var e = Move(FollowUpAction.ReportProgress, FollowUpStatus.InProgress, FollowUpEventKind.Progress, actor, now, text, isPublic);
        e.Percent = percent;
        return e;
    }

    /// <summary>
    /// 答复: the formal reply of the lead department. "不协商不答复": it is refused with
    /// <c>followup.proposer_not_consulted</c> unless the proposer was consulted during this round.
    /// </summary>
    public FollowUpReply Reply(ReplyDraft draft, Actor actor, DateTimeOffset now)
    {
        FollowUpStateMachine.Ensure(Status, FollowUpAction.Reply);
        if (draft.ContactMethod is null || draft.ContactedAt is null || string.IsNullOrWhiteSpace(draft.ContactSummary)
            || draft.ContactedAt < (RoundStartedAt ?? AssignedAt ?? CreatedAt).AddDays(-1))
        {
            throw new DomainException("followup.proposer_not_consulted");
        }
        if (draft.ContactedAt > now) throw new ValidationFailedException([("ContactedAt", "Validation.InFuture")]);
        var text = Check.Required(draft.Text, "Text", 8000);
        Check.Required(draft.ContactSummary, "ContactSummary", 1000);
        var reply = new FollowUpReply
        {
            ItemId = Id, Round = Round, DepartmentId = LeadDepartmentId!.Value, Text = text, RepliedAt = now, DueAt = DueAt,
            OnTime = DueAt is null || now <= DueAt, ContactMethod = draft.ContactMethod.Value,
            ContactedAt = draft.ContactedAt.Value.ToUniversalTime(), ContactSummary = draft.ContactSummary.Trim(),
            Attachments = (draft.Attachments ?? []).Select(a => new FollowUpAttachment
            {
                FileName = a.FileName, ContentType = a.ContentType, Size = a.Data.LongLength, Data = a.Data,
            }).ToList(),
        };
        Replies.Add(reply);
        RoundReplied = true;
        OverdueSince = null;
        Move(FollowUpAction.Reply, FollowUpStatus.Replied, FollowUpEventKind.Replied, actor, now, text);
        return reply;
    }

    /// <summary>Flags the item overdue once per round; null when it is not overdue or already flagged.</summary>
    public FollowUpEvent? MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdueAt(now) || OverdueSince is not null) return null;
        OverdueSince = now;
        UpdatedAt = now;
        var e = NewEvent(FollowUpEventKind.Overdue, Status, Status, Actor.System, now, null, isPublic: true);
        Events.Add(e);
        return e;
    }

    private void StartRound(DateTimeOffset now)
    {
        Round++;
        RoundReplied = false;
        RoundStartedAt = now;
        OverdueSince = null;
    }

    private FollowUpEvent Move(FollowUpAction action, FollowUpStatus to, FollowUpEventKind kind, Actor actor, DateTimeOffset now,
        string? text, bool isPublic = true)
    {
        FollowUpStateMachine.Ensure(Status, action, to);
        var e = NewEvent(kind, Status, to, actor, now, text, isPublic);
        Status = to;
        UpdatedAt = now;
        Events.Add(e);
        return e;
    }

    private FollowUpEvent NewEvent(FollowUpEventKind kind, FollowUpStatus? from, FollowUpStatus? to, Actor actor, DateTimeOffset now,
        string? text, bool isPublic) => new()
    {
        ItemId = Id, Round = Round, Kind = kind, From = from, To = to, At = now,
        ActorId = actor.UserId, ActorName = actor.Name, Text = text, IsPublic = isPublic,
    };
}
