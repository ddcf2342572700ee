using Deliberation.Core.Accounts;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Who may do what with minutes: reviewers (staff, admins, leaders) read, edit and comment; signers sign.</summary>
public static class MinutesAccess
{
    public const string ReviewersPolicy = "MinutesReviewers";
    public const string SignersPolicy = "MinutesSigners";
    public const string PermissionClaim = "permission";
    public const string SignPermission = "minutes.sign";

    public static void AddMinutesPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewersPolicy, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Leader))
            .AddPolicy(SignersPolicy, p => p.AddRequirements(new SignRequirement()));
        services.AddSingleton<IAuthorizationHandler, SignHandler>();
        // Leaders review and sign minutes but have no other admin rights: /Admin/Minutes swaps the admin folder's
        // staff-only policy for the reviewers' one. Pages that only staff may use say so with their own attribute.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention("/Admin/Minutes", model =>
        {
            foreach (var staffOnly in model.EndpointMetadata.OfType<AuthorizeAttribute>().Where(a => a.Policy == WebSetup.ManagersPolicy).ToList())
            {
                model.EndpointMetadata.Remove(staffOnly);
            }
            model.EndpointMetadata.Add(new AuthorizeAttribute(ReviewersPolicy));
        }));
    }

    public static bool IsManager(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff);

    private sealed class SignRequirement : IAuthorizationRequirement;

    private sealed class SignHandler(IOptions<MinutesOptions> options) : AuthorizationHandler<SignRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignRequirement requirement)
        {
            var user = context.User;
            if (options.Value.SignerRoles.Any(user.IsInRole) || user.HasClaim(PermissionClaim, SignPermission)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
