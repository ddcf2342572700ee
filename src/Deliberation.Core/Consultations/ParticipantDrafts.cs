using Deliberation.Core.Common;

namespace Deliberation.Core.Consultations;

/// <summary>A department's representative (部门) to register for a session: department, person and job title.</summary>
public sealed record DepartmentRepresentativeDraft(Guid DepartmentId, string Name, string? Title)
{
    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        if (DepartmentId == Guid.Empty) errors.Add((nameof(DepartmentId), "Validation.Required"));
        Text.Check(errors, nameof(Name), Name, ParticipantRules.NameMaxLength, required: true);
        Text.Check(errors, nameof(Title), Title, 50, required: false);
        return errors;
    }
}

/// <summary>A person registered by name: moderator, invited representative, expert or member of the public.</summary>
public sealed record GuestDraft(ParticipantTier Tier, string Name, string? Affiliation)
{
    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        if (!ParticipantRules.GuestTiers.Contains(Tier)) errors.Add((nameof(Tier), "Validation.NotInList"));
        Text.Check(errors, nameof(Name), Name, ParticipantRules.NameMaxLength, required: true);
        Text.Check(errors, nameof(Affiliation), Affiliation, ParticipantRules.AffiliationMaxLength, required: false);
        return errors;
    }
}
