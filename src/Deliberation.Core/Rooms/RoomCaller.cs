namespace Deliberation.Core.Rooms;

/// <summary>What the host knows of a caller from its cookies: an account with roles, or a public visitor.</summary>
/// <param name="UserId">Signed-in account.</param>
/// <param name="DisplayName">Account display name, or the visitor's chosen name.</param>
/// <param name="Roles">Account roles.</param>
/// <param name="MemberId">Linked member record.</param>
/// <param name="DepartmentId">Linked department.</param>
/// <param name="VisitorId">Anonymous visitor id from the signed visitor cookie.</param>
/// <param name="OrganizationId">The body the account works for; staff roles count only in its own sessions.</param>
public sealed record RoomCaller(Guid? UserId, string? DisplayName, IReadOnlySet<string> Roles, Guid? MemberId, Guid? DepartmentId, Guid? VisitorId,
    Guid? OrganizationId = null)
{
    /// <summary>Whether the caller has an account.</summary>
    public bool IsSignedIn => UserId is not null;
}
