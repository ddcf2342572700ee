namespace Deliberation.Core.Organizations;

/// <summary>A special committee (专委会).</summary>
public class Committee : INamedListEntry
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Name, e.g. 社会和法制委员会.</summary>
    public required string Name { get; set; }
    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}
