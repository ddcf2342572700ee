namespace Deliberation.Web.Features.FollowUp;

/// <summary>Follow-up and supervision (督办) settings, section <c>FollowUp</c>.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";
    private static readonly int[] DefaultReminderDays = [7, 1];

    /// <summary>Days before the deadline when the lead department is reminded (default 7 and 1).</summary>
    public int[]? ReminderDays { get; set; }

    /// <summary>Months after closing when the look-back review (回头看) falls due.</summary>
    public int LookBackMonths { get; set; } = 6;

    /// <summary>Days staff are reminded ahead of a look-back review.</summary>
    public int LookBackReminderDays { get; set; } = 14;

    /// <summary>Days the department gets for 再办理.</summary>
    public int RehandleDays { get; set; } = 30;

    /// <summary>Days overdue after which leaders are alerted (escalation).</summary>
    public int EscalateOverdueAfterDays { get; set; } = 7;

    /// <summary>Default deadline offered on the assignment form, in days.</summary>
    public int DefaultDeadlineDays { get; set; } = 30;

    /// <summary>Register the recurring supervision jobs at start-up.</summary>
    public bool ScheduleJobs { get; set; } = true;

    public IReadOnlyList<int> Reminders =>
        (ReminderDays is { Length: > 0 } ? ReminderDays : DefaultReminderDays).Distinct().Order().ToList();

    public bool IsValid() =>
        Reminders.All(d => d is >= 1 and <= 90) && LookBackMonths is >= 1 and <= 36 && RehandleDays is >= 1 and <= 365
        && EscalateOverdueAfterDays is >= 0 and <= 90 && LookBackReminderDays is >= 0 and <= 90 && DefaultDeadlineDays is >= 1 and <= 365;
}
