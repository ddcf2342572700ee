using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Realtime.Notifications;
using Deliberation.Web.Features.FollowUp.Jobs;
using Deliberation.Web.Infrastructure.Jobs;
using Deliberation.Web.Infrastructure.Mail;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp;

public static class FollowUpSetup
{
    /// <summary>Follow-up use cases, notifications (live and e-mail), supervision jobs and the public board.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section)
            .Validate(o => o.IsValid(), "FollowUp: a setting is out of range").ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => o.IsValid(), "Mail: Host, Port, a valid From address and SiteUrl are needed when Mail:Enabled is true").ValidateOnStart();
        services.AddScoped(sp =>
        {
            var o = sp.GetRequiredService<IOptions<FollowUpOptions>>().Value;
            return new FollowUpPolicy(o.LookBackMonths, o.RehandleDays);
        });
        services.AddScoped<FollowUpNotices>();
        services.AddScoped<FollowUpCommands>();
        services.AddScoped<Deliberation.Core.Minutes.IMinutesPublishedListener, Deliberation.Core.FollowUp.MinutesToFollowUp>();
        services.AddScoped<FollowUpBoard>();
        services.AddScoped<NotificationTexts>();
        services.AddScoped<INotificationSink, NotificationDispatcher>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<ReminderSender>();
        services.AddScoped<DeadlineReminderJob>();
        services.AddScoped<OverdueJob>();
        services.AddScoped<LookBackReminderJob>();
        services.AddScoped<WeeklyDigestJob>();
        services.AddScoped<SendNotificationEmailJob>();
        services.AddNotificationRealtime();
        return services;
    }

    public static void MapFollowUp(this WebApplication app)
    {
        app.MapFollowUpApi();
        app.MapNotificationHub();
        if (app.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value.ScheduleJobs)
        {
            ScheduleJobs(app.Services.GetRequiredService<IRecurringJobManager>());
        }
    }

    private static void ScheduleJobs(IRecurringJobManager jobs)
    {
        var options = new RecurringJobOptions { TimeZone = ChinaTime() };
        jobs.AddOrUpdate<DeadlineReminderJob>(FollowUpJobIds.DeadlineReminders, JobQueues.Default, j => j.RunAsync(CancellationToken.None), FollowUpJobIds.HourlyCron, options);
        jobs.AddOrUpdate<OverdueJob>(FollowUpJobIds.Overdue, JobQueues.Default, j => j.RunAsync(CancellationToken.None), FollowUpJobIds.HourlyCron, options);
        jobs.AddOrUpdate<LookBackReminderJob>(FollowUpJobIds.LookBackReminders, JobQueues.Default, j => j.RunAsync(CancellationToken.None), FollowUpJobIds.DailyCron, options);
        jobs.AddOrUpdate<WeeklyDigestJob>(FollowUpJobIds.WeeklyDigest, JobQueues.Reports, j => j.RunAsync(CancellationToken.None), FollowUpJobIds.MondayCron, options);
    }

    private static TimeZoneInfo ChinaTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST"); }
    }
}
