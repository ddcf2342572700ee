using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Deliberation.Web.Infrastructure;

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c> answers while the process serves; <c>/health/ready</c> also needs a migrated database.</summary>
    public static void MapHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithName("HealthLive").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .WithName("HealthReady").AllowAnonymous();
    }
}
