using System.Security.Claims;
using Deliberation.Core.Accounts;
using Deliberation.Core.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Features.Accounts;

/// <summary>
/// Sets each request's and each hub invocation's <see cref="OrgScope"/> from the sign-in claims: the account's
/// organisation (a department account also its department), or nothing for visitors and accounts without one.
/// </summary>
public static class TenancySetup
{
    public static IServiceCollection AddHubTenancy(this IServiceCollection services)
    {
        // Every hub invocation runs in its own DI scope, apart from the connection's request: scope it here too.
        services.Configure<HubOptions>(o => o.AddFilter<CallerScopeHubFilter>());
        return services;
    }

    /// <summary>
    /// After authentication: the request's scope is the signed-in caller's organisation. The back office works on
    /// the account's own body, so an account that belongs to none gets 403 on every /Admin page.
    /// </summary>
    public static void UseHubTenancy(this WebApplication app) =>
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<OrgScope>().UseCaller(http.User);
            if (http.User.Identity?.IsAuthenticated == true && http.User.OrganizationId() is null
                && http.Request.Path.StartsWithSegments("/Admin", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            return next(http);
        });

    /// <summary>The caller's own scope from its claims.</summary>
    public static void UseCaller(this OrgScope scope, ClaimsPrincipal user)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var departmentOnly = user.IsInRole(Roles.Department) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Staff) && !user.IsInRole(Roles.Leader);
        // A department account without its department sees no items (Guid.Empty matches none), never the whole body's.
        scope.UseCaller(signedIn ? user.OrganizationId() : null, departmentOnly ? user.DepartmentId() ?? Guid.Empty : null);
    }

    private sealed class CallerScopeHubFilter : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            context.ServiceProvider.GetRequiredService<OrgScope>().UseCaller(context.Context.User ?? new ClaimsPrincipal());
            return next(context);
        }

        public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            context.ServiceProvider.GetRequiredService<OrgScope>().UseCaller(context.Context.User ?? new ClaimsPrincipal());
            return next(context);
        }

        public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            context.ServiceProvider.GetRequiredService<OrgScope>().UseCaller(context.Context.User ?? new ClaimsPrincipal());
            return next(context, exception);
        }
    }
}
