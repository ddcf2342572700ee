using Deliberation.Core.Common;

namespace Deliberation.Core.Organizations;

/// <summary>The editable fields of a department (承办单位), as a form submits them.</summary>
public sealed record DepartmentDraft(string Name, string? Contact)
{
    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, nameof(Name), Name, 100, required: true);
        Text.Check(errors, nameof(Contact), Contact, 100, required: false);
        return errors;
    }

    /// <summary>Copies the fields onto <paramref name="d"/>.</summary>
    public void ApplyTo(Department d)
    {
        d.Name = Name.Trim();
        d.Contact = Text.Clean(Contact);
    }

    /// <summary>The fields of an existing department.</summary>
    public static DepartmentDraft From(Department d) => new(d.Name, d.Contact);
}
