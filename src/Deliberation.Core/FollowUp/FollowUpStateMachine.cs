using Deliberation.Core.Consultations;

namespace Deliberation.Core.FollowUp;

/// <summary>
/// The follow-up loop as a table: which action may happen in which status and where it can lead. Rating is the
/// one action with several outcomes (waiting for other proposers, 再办理, escalation or 办结); the entity picks one.
/// </summary>
public static class FollowUpStateMachine
{
    private static readonly Dictionary<(FollowUpStatus, FollowUpAction), FollowUpStatus[]> Table = new()
    {
        [(FollowUpStatus.Pending, FollowUpAction.Submit)] = [FollowUpStatus.Submitted],
        [(FollowUpStatus.Submitted, FollowUpAction.Instruct)] = [FollowUpStatus.Instructed],
        [(FollowUpStatus.Submitted, FollowUpAction.Assign)] = [FollowUpStatus.Assigned],
        [(FollowUpStatus.Instructed, FollowUpAction.Instruct)] = [FollowUpStatus.Instructed],
        [(FollowUpStatus.Instructed, FollowUpAction.Assign)] = [FollowUpStatus.Assigned],
        [(FollowUpStatus.Assigned, FollowUpAction.Accept)] = [FollowUpStatus.InProgress],
        [(FollowUpStatus.Assigned, FollowUpAction.Return)] = [FollowUpStatus.Returned],
        [(FollowUpStatus.Returned, FollowUpAction.Assign)] = [FollowUpStatus.Assigned],
        [(FollowUpStatus.InProgress, FollowUpAction.ReportProgress)] = [FollowUpStatus.InProgress],
        [(FollowUpStatus.InProgress, FollowUpAction.Reply)] = [FollowUpStatus.Replied],
        [(FollowUpStatus.Replied, FollowUpAction.Rate)] =
            [FollowUpStatus.Replied, FollowUpStatus.InProgress, FollowUpStatus.Escalated, FollowUpStatus.Closed],
        [(FollowUpStatus.Replied, FollowUpAction.Close)] = [FollowUpStatus.Closed],
        [(FollowUpStatus.Escalated, FollowUpAction.Instruct)] = [FollowUpStatus.Instructed],
        [(FollowUpStatus.Escalated, FollowUpAction.Close)] = [FollowUpStatus.Closed],
        [(FollowUpStatus.Closed, FollowUpAction.ConfirmLookBack)] = [FollowUpStatus.Closed],
        [(FollowUpStatus.Closed, FollowUpAction.ReopenLookBack)] = [FollowUpStatus.InProgress],
    };

    /// <summary>Whether <paramref name="action"/> may happen while an item is in <paramref name="status"/>.</summary>
    public static bool CanApply(FollowUpStatus status, FollowUpAction action) => Table.ContainsKey((status, action));

    /// <summary>The statuses <paramref name="action"/> can lead to from <paramref name="status"/>; empty when illegal.</summary>
    public static IReadOnlyList<FollowUpStatus> Targets(FollowUpStatus status, FollowUpAction action) =>
        Table.TryGetValue((status, action), out var to) ? to : [];

    /// <summary>The actions allowed in <paramref name="status"/>, in declaration order.</summary>
    public static IReadOnlyList<FollowUpAction> Allowed(FollowUpStatus status) =>
        Enum.GetValues<FollowUpAction>().Where(a => CanApply(status, a)).ToList();

    /// <summary>Throws <c>followup.illegal_transition</c> unless the move is in the table.</summary>
    public static void Ensure(FollowUpStatus from, FollowUpAction action, FollowUpStatus to)
    {
        if (!Targets(from, action).Contains(to))
        {
            throw new DomainException("followup.illegal_transition", $"{from} --{action}--> {to}");
        }
    }

    /// <summary>Throws <c>followup.illegal_transition</c> when <paramref name="action"/> is not allowed in <paramref name="status"/>.</summary>
    public static void Ensure(FollowUpStatus status, FollowUpAction action)
    {
        if (!CanApply(status, action))
        {
            throw new DomainException("followup.illegal_transition", $"{status} --{action}-->");
        }
    }

    /// <summary>Statuses in which the lead department owes work and a deadline runs.</summary>
    public static bool IsHandling(FollowUpStatus status) => status is FollowUpStatus.Assigned or FollowUpStatus.InProgress;
}
