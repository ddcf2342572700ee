namespace Deliberation.Core.Consultations;

/// <summary>A rule of the domain was broken. <see cref="Code"/> is a stable, localisable error code.</summary>
public class DomainException(string code, string? detail = null) : Exception(detail ?? code)
{
    /// <summary>Stable error code, e.g. <c>consultation.illegal_transition</c>; the UI localises it.</summary>
    public string Code { get; } = code;

    /// <summary>A short, safe detail the UI may show with the code (a limit, an item key), or null.</summary>
    public string? Detail { get; } = detail;
}
