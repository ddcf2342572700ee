namespace Deliberation.Core.Consultations;

/// <summary>The editable fields of a session, as a form submits them.</summary>
public sealed record ConsultationDraft(
    string Title,
    string? Summary,
    ConsultationType Type,
    ConsultationMode Mode,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Venue,
    string? HostName,
    PublicAccess PublicAccess)
{
    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add((nameof(Title), "Validation.Required"));
        else if (Title.Trim().Length > 200) errors.Add((nameof(Title), "Validation.TooLong"));
        if (EndsAt <= StartsAt) errors.Add((nameof(EndsAt), "Validation.EndsBeforeStart"));
        if ((EndsAt - StartsAt).TotalHours > 24 * 7) errors.Add((nameof(EndsAt), "Validation.TooLongSession"));
        if (Summary is { Length: > 4000 }) errors.Add((nameof(Summary), "Validation.TooLong"));
        return errors;
    }

    /// <summary>Copies the fields onto <paramref name="c"/>.</summary>
    public void ApplyTo(Consultation c)
    {
        c.Title = Title.Trim();
        c.Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();
        c.Type = Type;
        c.Mode = Mode;
        c.StartsAt = StartsAt.ToUniversalTime();
        c.EndsAt = EndsAt.ToUniversalTime();
        c.Venue = string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
        c.HostName = string.IsNullOrWhiteSpace(HostName) ? null : HostName.Trim();
        c.PublicAccess = PublicAccess;
    }

    /// <summary>The fields of an existing session.</summary>
    public static ConsultationDraft From(Consultation c) =>
        new(c.Title, c.Summary, c.Type, c.Mode, c.StartsAt, c.EndsAt, c.Venue, c.HostName, c.PublicAccess);
}
