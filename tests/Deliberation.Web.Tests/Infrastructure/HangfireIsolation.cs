using Hangfire;
using Hangfire.Logging;
using Hangfire.Logging.LogProviders;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// Hangfire keeps its storage, job activator and log provider in statics, which is fine for one host per process
/// but not for tests, where each collection runs its own host. Without this, a host can pick up another's storage
/// (jobs land in the wrong database) and, once the first host is disposed, the rest log into its disposed
/// LoggerFactory and fail to enqueue. This pins each host to what its own configuration made, under one lock.
/// </summary>
internal static class HangfireIsolation
{
    private static readonly Lock Gate = new();

    public static void Apply(IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(IGlobalConfiguration));
        services.Remove(original);
        JobStorage? storage = null;
        JobActivator? activator = null;
        services.AddSingleton<IGlobalConfiguration>(sp =>
        {
            lock (Gate)
            {
                var configuration = (IGlobalConfiguration)original.ImplementationFactory!(sp);
                configuration.UseLogProvider(new ColouredConsoleLogProvider(LogLevel.Warn));
                storage = JobStorage.Current;
                activator = JobActivator.Current;
                return configuration;
            }
        });
        Replace(services, sp => { sp.GetRequiredService<IGlobalConfiguration>(); return storage!; });
        Replace(services, sp => { sp.GetRequiredService<IGlobalConfiguration>(); return activator!; });
    }

    private static void Replace<T>(IServiceCollection services, Func<IServiceProvider, T> factory) where T : class
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(T)));
        services.AddSingleton(factory);
    }
}
