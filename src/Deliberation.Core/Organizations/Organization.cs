namespace Deliberation.Core.Organizations;

/// <summary>The level of a CPPCC body (政协) in the administrative hierarchy.</summary>
public enum OrganizationLevel
{
    /// <summary>省级</summary>
    Province,
    /// <summary>市级</summary>
    City,
    /// <summary>县/区级</summary>
    County,
    /// <summary>乡镇/街道 (liaison group level)</summary>
    Township,
}

/// <summary>A CPPCC body (政协) that owns sectors, committees, members and sessions.</summary>
public class Organization
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Full name, e.g. 某某市政协.</summary>
    public required string Name { get; set; }
    /// <summary>Administrative level.</summary>
    public OrganizationLevel Level { get; set; }
    /// <summary>The body one level up, if any.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>Navigation to the parent body.</summary>
    public Organization? Parent { get; set; }
}
