using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>A questionnaire's aggregate: responses, and per item the option counts, average rating or text answers.</summary>
public sealed record QuestionnaireAggregate(Guid QuestionnaireId, int Responses, IReadOnlyList<ItemAggregate> Items);

/// <summary>Aggregate of one questionnaire item.</summary>
public sealed record ItemAggregate(string Key, string Text, string Kind, IReadOnlyList<string> Options, IReadOnlyList<int> Counts,
    double? AverageRating, IReadOnlyList<string> Texts);

/// <summary>Reads of questionnaires: the live aggregate for moderators and the responses for export.</summary>
public sealed class QuestionnaireQueries(HubDbContext db)
{
    /// <summary>Aggregates all responses (streamed; memory grows with items, not responses, except the last 50 texts per item).</summary>
    public async Task<QuestionnaireAggregate?> AggregateAsync(Guid questionnaireId, CancellationToken ct)
    {
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == questionnaireId, ct);
        if (q is null) return null;
        var counts = q.Items.ToDictionary(i => i.Key, i => new int[i.Kind == QuestionnaireItemKind.Rating ? 5 : i.Options.Count]);
        var texts = q.Items.ToDictionary(i => i.Key, _ => new List<string>());
        var responses = 0;
        await foreach (var r in db.QuestionnaireResponses.AsNoTracking().Where(r => r.QuestionnaireId == questionnaireId)
                           .OrderBy(r => r.SubmittedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            responses++;
            foreach (var a in r.Answers)
            {
                if (!counts.TryGetValue(a.Key, out var c)) continue;
                foreach (var choice in a.Choices.Where(x => x >= 0 && x < c.Length)) c[choice]++;
                if (a.Rating is >= 1 and <= 5) c[a.Rating.Value - 1]++;
                if (a.Text is not null)
                {
                    var list = texts[a.Key];
                    list.Add(a.Text);
                    if (list.Count > 50) list.RemoveAt(0);
                }
            }
        }
        return new QuestionnaireAggregate(q.Id, responses, q.Items.Select(i =>
        {
            var c = counts[i.Key];
            double? avg = i.Kind == QuestionnaireItemKind.Rating && c.Sum() > 0 ? Math.Round(c.Select((n, k) => n * (k + 1.0)).Sum() / c.Sum(), 2) : null;
            return new ItemAggregate(i.Key, i.Text, i.Kind.ToString(), i.Options, c, avg, texts[i.Key]);
        }).ToList());
    }
}
