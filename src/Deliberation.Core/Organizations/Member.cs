namespace Deliberation.Core.Organizations;

/// <summary>A CPPCC member (委员).</summary>
public class Member
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Full name.</summary>
    public required string FullName { get; set; }
    /// <summary>Sector (界别) the member represents.</summary>
    public Guid SectorId { get; set; }
    /// <summary>Navigation to the sector.</summary>
    public Sector? Sector { get; set; }
    /// <summary>Special committee (专委会), if any.</summary>
    public Guid? CommitteeId { get; set; }
    /// <summary>Navigation to the committee.</summary>
    public Committee? Committee { get; set; }
    /// <summary>Liaison or activity group (联络组/活动小组).</summary>
    public string? Group { get; set; }
    /// <summary>Whether the member sits on the standing committee (常委).</summary>
    public bool IsStandingMember { get; set; }
    /// <summary>Work unit and position, e.g. 某某公司 总经理.</summary>
    public string? Affiliation { get; set; }
    /// <summary>The sign-in account linked to this member, if any.</summary>
    public Guid? UserId { get; set; }
}
