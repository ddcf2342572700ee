namespace Deliberation.Core.FollowUp;

/// <summary>
/// An outcome item (建议事项): one recommendation from minutes or a report, followed from submission to leaders
/// through assignment, handling, reply and rating to closure and the look-back review. Status changes only through
/// the workflow methods, which consult <see cref="FollowUpStateMachine"/> and append a <see cref="FollowUpEvent"/>.
/// </summary>
public partial class OutcomeItem
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 120;
    /// <summary>Longest text.</summary>
    public const int TextMax = 4000;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Short title shown in lists.</summary>
    public required string Title { get; set; }
    /// <summary>The recommendation as written.</summary>
    public required string Text { get; set; }
    /// <summary>Subject area, e.g. 营商环境.</summary>
    public string? Category { get; set; }
    /// <summary>Where it came from.</summary>
    public OutcomeSource Source { get; set; }
    /// <summary>The session it came out of, if any.</summary>
    public Guid? ConsultationId { get; set; }
    /// <summary>The published minutes (协商纪要) it came from, if any.</summary>
    public Guid? MinutesId { get; set; }
    /// <summary>Number of the recommendation within the minutes (意见建议 第N条).</summary>
    public int? RecommendationNumber { get; set; }
    /// <summary>Further references (speech ids, report numbers) the source gave.</summary>
    public List<string> SourceRefs { get; set; } = [];
    /// <summary>Whether the public progress board (晒进度) shows it.</summary>
    public bool IsPublic { get; set; } = true;
    /// <summary>Handling unit the minutes proposed; staff confirm it when assigning.</summary>
    public Guid? ProposedDepartmentId { get; set; }

    /// <summary>Current status; changed only by the workflow methods.</summary>
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Pending;
    /// <summary>The lead department (主办).</summary>
    public Guid? LeadDepartmentId { get; private set; }
    /// <summary>Deadline of the current handling round.</summary>
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>When the current assignment was made.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>Handling round, from 1; a new round starts with 再办理 or a reopening look-back.</summary>
    public int Round { get; private set; } = 1;
    /// <summary>When the current round began (assignment or reopening).</summary>
    public DateTimeOffset? RoundStartedAt { get; private set; }
    /// <summary>Whether the current round already has its reply, so the next assignment starts a new round.</summary>
    public bool RoundReplied { get; private set; }
    /// <summary>How many times 不满意 has sent it back for re-handling.</summary>
    public int DissatisfiedReopens { get; private set; }
    /// <summary>Progress the department last reported, 0–100.</summary>
    public int ProgressPercent { get; private set; }
    /// <summary>When the supervision job flagged it overdue in the current round.</summary>
    public DateTimeOffset? OverdueSince { get; private set; }
    /// <summary>The verdict that closed the last rated round (the worst proposer's).</summary>
    public Satisfaction? FinalSatisfaction { get; private set; }
    /// <summary>When it was closed (办结).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When the look-back review (回头看) falls due.</summary>
    public DateTimeOffset? LookBackDueAt { get; private set; }
    /// <summary>When the look-back review was done.</summary>
    public DateTimeOffset? LookBackDoneAt { get; private set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Time of the last recorded change (feeds and sorting).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>The members who proposed it; only they rate the reply.</summary>
    public List<OutcomeProposer> Proposers { get; set; } = [];
    /// <summary>Co-handling departments (会办).</summary>
    public List<OutcomeCoHandler> CoHandlers { get; set; } = [];
    /// <summary>The timeline; load it only to show it, new entries are appended by the workflow.</summary>
    public List<FollowUpEvent> Events { get; set; } = [];
    /// <summary>Leaders' instructions (批示).</summary>
    public List<LeaderInstruction> Instructions { get; set; } = [];
    /// <summary>Formal replies, one per round.</summary>
    public List<FollowUpReply> Replies { get; set; } = [];
    /// <summary>Ratings, one per proposer and round.</summary>
    public List<FollowUpRating> Ratings { get; set; } = [];

    /// <summary>Whether the deadline has passed while the department still owes the reply.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => FollowUpStateMachine.IsHandling(Status) && DueAt is { } due && due < now;

    /// <summary>Whether <paramref name="departmentId"/> is the lead or a co-handler.</summary>
    public bool IsHandledBy(Guid departmentId) =>
        LeadDepartmentId == departmentId || CoHandlers.Any(c => c.DepartmentId == departmentId);

    /// <summary>A list title from the text: its first sentence, shortened.</summary>
    public static string TitleFrom(string text)
    {
        var t = text.Trim();
        var end = t.IndexOfAny(['。', '；', ';', '\n']);
        if (end > 0) t = t[..end];
        return t.Length > 40 ? t[..39] + "…" : t;
    }
}
