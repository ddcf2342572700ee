namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>Recurring job ids and schedules of the supervision (督办) jobs. Cron times are Beijing time.</summary>
public static class FollowUpJobIds
{
    public const string DeadlineReminders = "followup-deadline-reminders";
    public const string Overdue = "followup-overdue";
    public const string LookBackReminders = "followup-lookback-reminders";
    public const string WeeklyDigest = "followup-weekly-digest";

    public const string HourlyCron = "5 * * * *";
    public const string DailyCron = "0 8 * * *";
    public const string MondayCron = "30 8 * * 1";
}
