using System.Security.Claims;
using Deliberation.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Accounts;

/// <summary>Adds the display name and the member/department links to the sign-in cookie.</summary>
public sealed class HubClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "display_name";
    public const string MemberId = "member_id";
    public const string DepartmentId = "department_id";
    public const string OrganizationId = "org_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.OrganizationId is Guid o) identity.AddClaim(new Claim(OrganizationId, o.ToString()));
        if (user.MemberId is Guid m) identity.AddClaim(new Claim(MemberId, m.ToString()));
        if (user.DepartmentId is Guid d) identity.AddClaim(new Claim(DepartmentId, d.ToString()));
        return identity;
    }
}
