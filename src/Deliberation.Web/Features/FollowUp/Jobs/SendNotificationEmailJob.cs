using System.Globalization;
using Deliberation.Core.Persistence;
using Deliberation.Web.Infrastructure.Mail;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.FollowUp.Jobs;

/// <summary>
/// E-mails one notification (in Chinese, the hub's default language). Skips it when mail is off, the address is
/// gone or it was already sent, so a retry after a crash does not send twice once the send was recorded.
/// </summary>
[AutomaticRetry(Attempts = 5)]
public sealed partial class SendNotificationEmailJob(
    HubDbContext db,
    IMailSender mailer,
    IStringLocalizer<SharedResource> l,
    NotificationTexts texts,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<SendNotificationEmailJob> logger)
{
    public async Task RunAsync(long notificationId, CancellationToken ct)
    {
        var o = options.Value;
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == notificationId, ct);
        if (!o.Enabled || n is null || n.EmailedAt is not null) return;
        var user = await db.Users.Where(u => u.Id == n.UserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(user?.Email)) return;

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        try
        {
            var text = texts.Text(n);
            var link = new Uri(new Uri(o.SiteUrl), NotificationTexts.Link(n)).ToString();
            await mailer.SendAsync(user.Email, user.DisplayName, l["Mail.Subject", text], l["Mail.Body", user.DisplayName, text, link].Value.Replace("\\n", "\n"), ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }
        n.EmailedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        LogSent(logger, n.Id, n.Kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mailed notification {Id} ({Kind})")]
    private static partial void LogSent(ILogger logger, long id, string kind);
}
