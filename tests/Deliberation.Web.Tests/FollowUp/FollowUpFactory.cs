using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.FollowUp;

/// <summary>
/// The hub with a hand-moved clock, e-mail switched on against a loopback SMTP server, and the recurring jobs left
/// unscheduled (tests run the jobs themselves, so a cron tick cannot race them).
/// </summary>
public sealed class FollowUpFactory : HubFactory, IAsyncLifetime
{
    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public SmtpTestServer Smtp { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Enabled", "true");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:From", "协商议事厅 <hub@example.org>");
        builder.UseSetting("Mail:SiteUrl", "http://hub.example.org");
        builder.UseSetting("FollowUp:ScheduleJobs", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FollowUpCollection : ICollectionFixture<FollowUpFactory>
{
    public const string Name = "followup";
}
