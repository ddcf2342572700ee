namespace Deliberation.Core.Organizations;

/// <summary>A sector (界别) that members belong to.</summary>
public class Sector : INamedListEntry
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Name, e.g. 经济界.</summary>
    public required string Name { get; set; }
    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}
