using Deliberation.Core.Common;

namespace Deliberation.Core.Organizations;

/// <summary>The editable fields of a member (委员), as a form submits them.</summary>
public sealed record MemberDraft(
    string FullName,
    Guid SectorId,
    Guid? CommitteeId,
    string? Group,
    bool IsStandingMember,
    string? Affiliation)
{
    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, nameof(FullName), FullName, 50, required: true);
        if (SectorId == Guid.Empty) errors.Add((nameof(SectorId), "Validation.Required"));
        Text.Check(errors, nameof(Group), Group, 50, required: false);
        Text.Check(errors, nameof(Affiliation), Affiliation, 100, required: false);
        return errors;
    }

    /// <summary>Copies the fields onto <paramref name="m"/>.</summary>
    public void ApplyTo(Member m)
    {
        m.FullName = FullName.Trim();
        m.SectorId = SectorId;
        m.CommitteeId = CommitteeId;
        m.Group = Text.Clean(Group);
        m.IsStandingMember = IsStandingMember;
        m.Affiliation = Text.Clean(Affiliation);
    }

    /// <summary>The fields of an existing member.</summary>
    public static MemberDraft From(Member m) =>
        new(m.FullName, m.SectorId, m.CommitteeId, m.Group, m.IsStandingMember, m.Affiliation);
}
