namespace Deliberation.Core.Organizations;

/// <summary>A government or party department that briefs sessions and handles recommendations (承办单位).</summary>
public class Department
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Full name, e.g. 市住房和城乡建设局.</summary>
    public required string Name { get; set; }
    /// <summary>Contact person shown to staff.</summary>
    public string? Contact { get; set; }
}
