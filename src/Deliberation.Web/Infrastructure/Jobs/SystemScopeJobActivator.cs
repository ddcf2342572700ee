using Deliberation.Core.Tenancy;
using Hangfire;

namespace Deliberation.Web.Infrastructure.Jobs;

/// <summary>
/// Runs every Hangfire job in its own DI scope that sees every organisation (<see cref="OrgScope.UseSystem"/>):
/// jobs compile any body's minutes and remind any body's departments. The one opt-out for all jobs.
/// </summary>
public sealed class SystemScopeJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) =>
        new Scope(scopes.CreateSystemScope($"job {context.BackgroundJob.Job?.Type.Name}"));

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
