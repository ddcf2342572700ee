using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Core.Tenancy;

/// <summary>The explicit opt-out for work that serves every organisation (background loops, jobs, seeding).</summary>
public static class SystemScopes
{
    /// <summary>A DI scope whose <see cref="OrgScope"/> sees every organisation; name why.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes, string reason)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().UseSystem(reason);
        return scope;
    }
}
