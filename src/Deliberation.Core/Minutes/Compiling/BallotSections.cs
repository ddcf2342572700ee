using System.Globalization;
using System.Text;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using static Deliberation.Core.Minutes.Compiling.MarkdownText;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>Results of closed polls (投票), formal votes (表决) and questionnaires (问卷), as tables.</summary>
internal static class BallotSections
{
    public static async Task<IReadOnlyDictionary<string, string>> PollsAsync(CompileContext c, Action<double> progress)
    {
        var p = c.P;
        var polls = await c.Db.Polls.AsNoTracking().Where(x => x.ConsultationId == c.Id && x.Status == BallotStatus.Closed)
            .OrderBy(x => x.OpenedAt ?? x.CreatedAt).ThenBy(x => x.Id).ToListAsync(c.Ct);
        var sb = new StringBuilder();
        for (var i = 0; i < polls.Count; i++)
        {
            var poll = polls[i];
            var tally = new Tally(poll.Options.Count);
            await foreach (var a in c.Db.PollAnswers.AsNoTracking().Where(x => x.PollId == poll.Id)
                               .Select(x => new { x.Choices, x.Rating, x.Text }).AsAsyncEnumerable().WithCancellation(c.Ct))
            {
                tally.Add(a.Choices, a.Rating, a.Text);
            }
            sb.Append($"**{Escape(poll.Title)}**（{p.Format("poll.meta", p.Enum(poll.Kind), tally.Voters)}） {MinutesMarkup.SourceLink("poll", poll.Id)}\n\n");
            sb.Append(poll.Kind switch
            {
                PollKind.Rating => tally.RatingTable(p),
                PollKind.WordCloud => tally.WordsLine(p),
                _ => tally.OptionTable(p, poll.Options),
            }).Append('\n');
            progress((i + 1.0) / polls.Count);
        }
        return new Dictionary<string, string> { ["polls"] = polls.Count == 0 ? p["none.polls"] : sb.ToString() };
    }

    public static async Task<IReadOnlyDictionary<string, string>> VotesAsync(CompileContext c, Action<double> progress)
    {
        var p = c.P;
        var votes = await c.Db.FormalVotes.AsNoTracking().Where(x => x.ConsultationId == c.Id && x.Status == BallotStatus.Closed)
            .OrderBy(x => x.ClosedAt ?? x.CreatedAt).ThenBy(x => x.Id).ToListAsync(c.Ct);
        if (votes.Count == 0) return new Dictionary<string, string> { ["votes"] = p["none.votes"] };
        var table = Table(
            [p["vote.title"], p["vote.expected"], p["vote.present"], p["vote.for"], p["vote.against"], p["vote.abstain"], p["vote.quorum"], p["vote.result"]],
            votes.Select(v => (IReadOnlyList<string>)
            [
                $"{Escape(v.Title)} {MinutesMarkup.SourceLink("vote", v.Id)}", $"{v.Expected}", $"{v.Present}", $"{v.For}", $"{v.Against}", $"{v.Abstain}",
                v.QuorumMet == true ? p["vote.quorumMet"] : p["vote.quorumNotMet"], v.Passed == true ? p["vote.passed"] : p["vote.failed"],
            ]));
        return new Dictionary<string, string> { ["votes"] = table };
    }

    public static async Task<IReadOnlyDictionary<string, string>> QuestionnairesAsync(CompileContext c, Action<double> progress)
    {
        var p = c.P;
        var list = await c.Db.Questionnaires.AsNoTracking().Where(x => x.ConsultationId == c.Id && x.Status == BallotStatus.Closed)
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(c.Ct);
        var sb = new StringBuilder();
        foreach (var q in list)
        {
            var tallies = q.Items.ToDictionary(i => i.Key, i => new Tally(i.Options.Count));
            var responses = 0;
            await foreach (var r in c.Db.QuestionnaireResponses.AsNoTracking().Where(x => x.QuestionnaireId == q.Id)
                               .Select(x => x.Answers).AsAsyncEnumerable().WithCancellation(c.Ct))
            {
                responses++;
                foreach (var a in r)
                {
                    if (tallies.TryGetValue(a.Key, out var t)) t.Add(a.Choices, a.Rating, a.Text);
                }
            }
            sb.Append($"**{Escape(q.Title)}**：{p.Format("questionnaire.responses", responses)} {MinutesMarkup.SourceLink("questionnaire", q.Id)}\n\n");
            var n = 0;
            foreach (var item in q.Items)
            {
                var t = tallies[item.Key];
                var detail = item.Kind switch
                {
                    QuestionnaireItemKind.Rating => t.RatingLine(p),
                    QuestionnaireItemKind.Text => p.Format("questionnaire.texts", t.Texts.Values.Sum()),
                    _ => t.OptionLine(p, item.Options),
                };
                sb.Append($"{++n}. {Escape(item.Text)}{p["speech.colon"]}{detail}\n");
            }
            sb.Append('\n');
        }
        return new Dictionary<string, string> { ["questionnaires"] = list.Count == 0 ? p["none.questionnaires"] : sb.ToString() };
    }

    /// <summary>Counts of options, ratings and short texts for one poll or questionnaire item.</summary>
    private sealed class Tally(int options)
    {
        private readonly int[] _options = new int[options];
        private readonly int[] _ratings = new int[6];
        public Dictionary<string, int> Texts { get; } = new(StringComparer.Ordinal);
        public int Voters { get; private set; }

        public void Add(IEnumerable<int> choices, int? rating, string? text)
        {
            Voters++;
            foreach (var i in choices) if (i >= 0 && i < _options.Length) _options[i]++;
            if (rating is >= 1 and <= 5) _ratings[rating.Value]++;
            if (!string.IsNullOrWhiteSpace(text)) Texts[text.Trim()] = Texts.GetValueOrDefault(text.Trim()) + 1;
        }

        private string Share(int count) => Voters == 0 ? "0.0%" : (100.0 * count / Voters).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        public string OptionTable(MinutesPhrases p, IReadOnlyList<string> labels) => Table([p["poll.option"], p["poll.count"], p["poll.share"]],
            labels.Select((l, i) => (IReadOnlyList<string>)[Escape(l), $"{_options[i]}", Share(_options[i])]));

        public string OptionLine(MinutesPhrases p, IReadOnlyList<string> labels) =>
            string.Join(p["list.semicolon"], labels.Select((l, i) => p.Format("questionnaire.option", Escape(l), _options[i], Share(_options[i]))));

        private string Average()
        {
            var n = _ratings.Sum();
            return n == 0 ? "0.0" : (_ratings.Select((c, i) => c * i).Sum() / (double)n).ToString("0.0", CultureInfo.InvariantCulture);
        }

        public string RatingTable(MinutesPhrases p) => p.Format("poll.average", Average()) + "\n\n" +
            Table([p["poll.score"], p["poll.count"], p["poll.share"]], Enumerable.Range(1, 5).Reverse()
                .Select(i => (IReadOnlyList<string>)[$"{i}", $"{_ratings[i]}", Share(_ratings[i])]));

        public string RatingLine(MinutesPhrases p) => p.Format("poll.average", Average());

        public string WordsLine(MinutesPhrases p) => Texts.Count == 0 ? p["none.words"] :
            p.Format("poll.words", string.Join(p["list.separator"], Texts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(10).Select(kv => $"{Escape(kv.Key)}（{kv.Value}）"))) + "\n";
    }
}
