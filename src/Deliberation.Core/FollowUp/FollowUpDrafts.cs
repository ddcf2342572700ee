using Deliberation.Core.Consultations;

namespace Deliberation.Core.FollowUp;

/// <summary>A new outcome item as staff enter it (e.g. from a 社情民意 report).</summary>
public sealed record OutcomeDraft(
    string Title,
    string Text,
    string? Category,
    OutcomeSource Source,
    Guid? ConsultationId,
    int? RecommendationNumber,
    IReadOnlyList<Guid> ProposerMemberIds,
    Guid? ProposedDepartmentId,
    bool IsPublic,
    IReadOnlyList<string>? SourceRefs = null)
{
    /// <summary>Field problems as (field, code) pairs.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        Check.Text(errors, nameof(Title), Title, OutcomeItem.TitleMax, required: false);
        Check.Text(errors, nameof(Text), Text, OutcomeItem.TextMax);
        Check.Text(errors, nameof(Category), Category, 50, required: false);
        if (RecommendationNumber is < 1 or > 999) errors.Add((nameof(RecommendationNumber), "Validation.ValueInvalid"));
        return errors;
    }
}

/// <summary>An assignment (交办): lead department, co-handlers and deadline.</summary>
public sealed record AssignmentDraft(Guid LeadDepartmentId, IReadOnlyList<Guid> CoHandlerIds, DateTimeOffset DueAt, string? Note);

/// <summary>A formal reply with the record of consulting the proposer ("不协商不答复").</summary>
public sealed record ReplyDraft(
    string Text,
    ContactMethod? ContactMethod,
    DateTimeOffset? ContactedAt,
    string? ContactSummary,
    IReadOnlyList<AttachmentUpload>? Attachments = null);

/// <summary>A file uploaded with a reply.</summary>
public sealed record AttachmentUpload(string FileName, string ContentType, byte[] Data);

/// <summary>A proposer's rating: the overall verdict, the three dimensions and a comment (required for 不满意).</summary>
public sealed record RatingDraft(Satisfaction Overall, Satisfaction Communication, Satisfaction Adoption, Satisfaction Effect, string? Comment);

internal static class Check
{
    public static void Text(List<(string, string)> errors, string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add((field, "Validation.Required"));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add((field, "Validation.TooLong"));
        }
    }

    /// <summary>Throws <see cref="ValidationFailedException"/> for one required text field.</summary>
    public static string Required(string? value, string field, int max)
    {
        var errors = new List<(string, string)>();
        Text(errors, field, value, max);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return value!.Trim();
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
