using Microsoft.AspNetCore.Identity;

namespace Deliberation.Core.Accounts;

/// <summary>A signed-in account: staff, moderator, member, department, leader or admin.</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>Name shown in the UI and the record.</summary>
    public required string DisplayName { get; set; }
    /// <summary>The body the account works for.</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>The member record, for member accounts.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The department, for department accounts.</summary>
    public Guid? DepartmentId { get; set; }
}
