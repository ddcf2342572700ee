using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;

namespace Deliberation.Web.Pages.Admin.Sessions;

/// <summary>The participants page's form for a department's representative (部门).</summary>
public sealed class DepartmentRepresentativeInput
{
    [Required(ErrorMessage = "Validation.Required")]
    public Guid? DepartmentId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ParticipantRules.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    public string? Title { get; set; }
}

/// <summary>The participants page's form for a person registered by name (主持人, 特邀代表, 专家, 公众).</summary>
public sealed class GuestInput
{
    public ParticipantTier Tier { get; set; } = ParticipantTier.Invited;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ParticipantRules.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Name { get; set; } = "";

    [StringLength(ParticipantRules.AffiliationMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Affiliation { get; set; }
}
