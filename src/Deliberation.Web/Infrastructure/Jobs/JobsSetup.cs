using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace Deliberation.Web.Infrastructure.Jobs;

public static class JobsSetup
{
    public const string Schema = "hangfire";

    /// <summary>Hangfire on the hub's PostgreSQL, in its own schema; a server runs here unless <c>Jobs:Server</c> is false.</summary>
    public static IServiceCollection AddHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        // Every job runs in a system scope (all organisations): registered before AddHangfire, which keeps an activator
        // already registered, and set as the global one, which AddHangfire would otherwise replace.
        services.AddSingleton<JobActivator, SystemScopeJobActivator>();
        services.AddHangfire((sp, cfg) => cfg
            .UseActivator(new SystemScopeJobActivator(sp.GetRequiredService<IServiceScopeFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(sp.GetRequiredService<NpgsqlDataSource>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromMilliseconds(options.PollIntervalMs),
                    InvisibilityTimeout = TimeSpan.FromMinutes(10),
                }));
        if (options.Server)
        {
            services.AddHangfireServer(o =>
            {
                o.Queues = JobQueues.All;
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        return services;
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for admin and staff only (others: sign-in page or 403).</summary>
    public static void MapHubJobs(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // The endpoint's policy decides; Hangfire's own filter would only allow local requests.
            Authorization = [],
            DashboardTitle = "Deliberation jobs",
            AppPath = "/Admin",
        }).RequireAuthorization(WebSetup.OperatorsPolicy).WithSecurityHeadersPolicy(SecuritySetup.JobsDashboardPolicy);
    }
}
