using System.Security.Claims;
using Deliberation.Core.Auditing;

namespace Deliberation.Web.Features.Accounts;

public static class UserExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(HubClaimsFactory.DisplayName) ?? user.Identity?.Name ?? "?";

    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HubClaimsFactory.OrganizationId), out var id) ? id : null;

    /// <summary>
    /// The account's organisation on pages that need one: /Admin refuses accounts without one (TenancySetup), so a
    /// missing organisation here is a bug, not a reason to fall back to some other body.
    /// </summary>
    public static Guid RequiredOrganizationId(this ClaimsPrincipal user) =>
        user.OrganizationId() ?? throw new InvalidOperationException("This page needs an account that belongs to an organisation.");

    public static Guid? MemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HubClaimsFactory.MemberId), out var id) ? id : null;

    public static Guid? DepartmentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HubClaimsFactory.DepartmentId), out var id) ? id : null;

    public static Actor ToActor(this ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());
}
