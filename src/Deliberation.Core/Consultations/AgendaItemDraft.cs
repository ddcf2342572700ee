using Deliberation.Core.Common;

namespace Deliberation.Core.Consultations;

/// <summary>The editable fields of an agenda item (议程), as a form submits them.</summary>
public sealed record AgendaItemDraft(string Title, string? Presenter, int DurationMinutes)
{
    /// <summary>The longest item the form accepts, in minutes (a full working day).</summary>
    public const int MaxMinutes = 480;

    /// <summary>Field-level problems as (field, error code) pairs; empty when the draft is valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, nameof(Title), Title, 200, required: true);
        Text.Check(errors, nameof(Presenter), Presenter, 100, required: false);
        if (DurationMinutes is < 0 or > MaxMinutes) errors.Add((nameof(DurationMinutes), "Validation.MinutesRange"));
        return errors;
    }

    /// <summary>Copies the fields onto <paramref name="item"/>.</summary>
    public void ApplyTo(AgendaItem item)
    {
        item.Title = Title.Trim();
        item.Presenter = Text.Clean(Presenter);
        item.DurationMinutes = DurationMinutes;
    }

    /// <summary>The fields of an existing item.</summary>
    public static AgendaItemDraft From(AgendaItem item) => new(item.Title, item.Presenter, item.DurationMinutes);
}
