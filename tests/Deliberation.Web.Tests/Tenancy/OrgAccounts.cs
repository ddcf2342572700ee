using Deliberation.Core.Accounts;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>Accounts of a test's own body: another body's records are out of reach, so a test signs in as one of its own.</summary>
public static class OrgAccounts
{
    public const string Password = "Body#2026hub";

    /// <summary>A new account of <paramref name="organizationId"/> (null: of no body) with <paramref name="roles"/>.</summary>
    public static async Task<(string User, string Password)> AccountInAsync(this HubFactory hub, Guid? organizationId, params string[] roles)
    {
        var name = AdminData.Unique("acct");
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, DisplayName = $"测试 {name}", OrganizationId = organizationId, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return (name, Password);
    }

    public static Task<(string User, string Password)> StaffOfAsync(this HubFactory hub, Guid organizationId) =>
        hub.AccountInAsync(organizationId, Roles.Staff);

    public static Task<(string User, string Password)> LeaderOfAsync(this HubFactory hub, Guid organizationId) =>
        hub.AccountInAsync(organizationId, Roles.Leader);
}
