namespace Deliberation.Core.Consultations;

/// <summary>Input failed field validation; <see cref="Errors"/> carries (field, error code) pairs.</summary>
public sealed class ValidationFailedException(IReadOnlyList<(string Field, string Code)> errors)
    : DomainException("validation.failed")
{
    /// <summary>The problems found.</summary>
    public IReadOnlyList<(string Field, string Code)> Errors { get; } = errors;
}
