namespace Deliberation.Core.Organizations;

/// <summary>An entry of a body's ordered list that members belong to: a sector or a committee.</summary>
public interface INamedListEntry
{
    /// <summary>Primary key.</summary>
    Guid Id { get; }
    /// <summary>Owning body.</summary>
    Guid OrganizationId { get; set; }
    /// <summary>Name, unique within the body.</summary>
    string Name { get; set; }
    /// <summary>Position in the list, from 1.</summary>
    int SortOrder { get; set; }
}
