using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Core.Rooms;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.Rooms;

/// <summary>
/// The items of a questionnaire as the builder form posts them (JSON: text, kind, options, required), read and
/// checked with messages that name the item ("第2题至少需要两个选项"), the same rules the builder applies in the browser.
/// </summary>
public static class QuestionnaireItemsForm
{
    public const int MaxItems = 50;
    public const int MaxText = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record Posted(string? Text, QuestionnaireItemKind Kind, List<string?>? Options, bool Required);

    /// <summary>The items, or the errors to show (in the user's language).</summary>
    public static (List<QuestionnaireItem> Items, List<string> Errors) Read(string? json, IStringLocalizer l)
    {
        List<Posted>? posted;
        try
        {
            posted = string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<Posted>>(json, Json);
        }
        catch (JsonException)
        {
            posted = null;
        }
        if (posted is null || posted.Count == 0) return ([], [l["Room.Builder.Error.NoItems"]]);
        if (posted.Count > MaxItems) return ([], [l["Room.Builder.Error.TooMany"]]);
        var items = new List<QuestionnaireItem>();
        var errors = new List<string>();
        for (var i = 0; i < posted.Count; i++)
        {
            var p = posted[i];
            var n = i + 1;
            var text = p.Text?.Trim() ?? "";
            var choice = p.Kind is QuestionnaireItemKind.Single or QuestionnaireItemKind.Multiple;
            var options = choice ? (p.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList() : [];
            if (text.Length == 0) errors.Add(l["Room.Builder.Error.Text", n]);
            else if (text.Length > MaxText) errors.Add(l["Room.Builder.Error.TooLong", n]);
            if (choice && options.Count < 2) errors.Add(l["Room.Builder.Error.Options", n]);
            else if (options.Distinct().Count() != options.Count) errors.Add(l["Room.Builder.Error.Duplicate", n]);
            items.Add(new QuestionnaireItem { Key = "", Text = text, Kind = p.Kind, Options = options, Required = p.Required });
        }
        return (items, errors);
    }
}
