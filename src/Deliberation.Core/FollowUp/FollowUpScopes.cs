namespace Deliberation.Core.FollowUp;

/// <summary>Who may see which items and entries, as query filters (applied in the query, not after loading).</summary>
public static class FollowUpScopes
{
    /// <summary>The public progress board (晒进度): public items once submitted.</summary>
    public static IQueryable<OutcomeItem> OnPublicBoard(this IQueryable<OutcomeItem> items) =>
        items.Where(i => i.IsPublic && i.Status != FollowUpStatus.Pending);

    /// <summary>A department's inbox: items it leads or co-handles.</summary>
    public static IQueryable<OutcomeItem> HandledBy(this IQueryable<OutcomeItem> items, Guid departmentId) =>
        items.Where(i => i.LeadDepartmentId == departmentId || i.CoHandlers.Any(c => c.DepartmentId == departmentId));

    /// <summary>A member's own recommendations.</summary>
    public static IQueryable<OutcomeItem> ProposedBy(this IQueryable<OutcomeItem> items, Guid memberId) =>
        items.Where(i => i.Proposers.Any(p => p.MemberId == memberId));

    /// <summary>Items waiting on leaders: submitted or escalated.</summary>
    public static IQueryable<OutcomeItem> AwaitingLeaders(this IQueryable<OutcomeItem> items) =>
        items.Where(i => i.Status == FollowUpStatus.Submitted || i.Status == FollowUpStatus.Escalated);

    /// <summary>Items waiting on staff: to submit, to assign, returned, or replied but not closed.</summary>
    public static IQueryable<OutcomeItem> AwaitingStaff(this IQueryable<OutcomeItem> items) =>
        items.Where(i => i.Status == FollowUpStatus.Pending || i.Status == FollowUpStatus.Submitted
            || i.Status == FollowUpStatus.Instructed || i.Status == FollowUpStatus.Returned);

    /// <summary>Items whose deadline has passed while the department still owes the reply.</summary>
    public static IQueryable<OutcomeItem> OverdueAt(this IQueryable<OutcomeItem> items, DateTimeOffset now) =>
        items.Where(i => (i.Status == FollowUpStatus.Assigned || i.Status == FollowUpStatus.InProgress) && i.DueAt != null && i.DueAt < now);
}
