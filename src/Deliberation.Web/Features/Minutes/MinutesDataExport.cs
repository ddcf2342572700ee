using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// The session's record as data tables (attendance, speeches, comments, questions, poll and vote results,
/// questionnaire responses) for CSV and XLSX. Rows stream from the database as they are written. Only approved
/// comments and visible questions are included, as in the minutes.
/// </summary>
public sealed class MinutesDataExport(HubDbContext db)
{
    public static readonly IReadOnlyList<string> Tables = ["attendance", "speeches", "comments", "questions", "polls", "votes", "questionnaires"];
    private static readonly QuestionStatus[] Visible = [QuestionStatus.Open, QuestionStatus.Answering, QuestionStatus.Answered];
    private static readonly Lazy<Dictionary<string, FieldSet>> Fields = new(LoadFields);
    private static MinutesPhrases P => MinutesResources.Phrases;

    private sealed record FieldSet(string Title, string[][] Columns);

    public DataTable Table(Guid consultationId, string name)
    {
        var f = Fields.Value[name];
        var columns = f.Columns.Select(c => new DataColumn(c[0], c[1])).ToList();
        return new DataTable(f.Title, columns, name switch
        {
            "attendance" => Attendance(consultationId),
            "speeches" => Speeches(consultationId),
            "comments" => Comments(consultationId),
            "questions" => Questions(consultationId),
            "polls" => Polls(consultationId),
            "votes" => Votes(consultationId),
            _ => Questionnaires(consultationId),
        });
    }

    private IEnumerable<IReadOnlyList<object?>> Attendance(Guid id) =>
        from p in db.Participants.AsNoTracking().Where(p => p.ConsultationId == id).OrderBy(p => p.Tier).ThenBy(p => p.DisplayName).AsEnumerable()
        select (IReadOnlyList<object?>)[p.DisplayName, P.Enum(p.Tier), p.Affiliation, p.HasVotingRight, p.CheckedInAt != null, p.CheckedInAt];

    private IEnumerable<IReadOnlyList<object?>> Speeches(Guid id) =>
        from s in db.Speeches.AsNoTracking().Where(s => s.ConsultationId == id && s.Status == SpeechStatus.Done)
            .OrderBy(s => s.StartedAt ?? s.RequestedAt).ThenBy(s => s.Position).AsEnumerable()
        select (IReadOnlyList<object?>)[s.SpeakerName, P.Enum(s.Tier), s.Sector, P.Enum(s.Kind), s.Topic, s.Text, s.StartedAt, s.EndedAt];

    private IEnumerable<IReadOnlyList<object?>> Comments(Guid id) =>
        from c in db.Comments.AsNoTracking().Where(c => c.ConsultationId == id && c.Status == CommentStatus.Approved).OrderBy(c => c.CreatedAt).AsEnumerable()
        select (IReadOnlyList<object?>)[c.Id.ToString(), c.AuthorName, P.Enum(c.Tier), c.Sector, c.Text, c.Likes, c.Pinned, c.CreatedAt];

    private IEnumerable<IReadOnlyList<object?>> Questions(Guid id) =>
        from q in db.Questions.AsNoTracking().Where(q => q.ConsultationId == id && Visible.Contains(q.Status)).OrderByDescending(q => q.Votes).ThenBy(q => q.CreatedAt).AsEnumerable()
        select (IReadOnlyList<object?>)[q.Id.ToString(), q.AuthorName, q.Text, q.Votes, q.MergedCount, P.Enum(q.Status), q.AnsweredBy, q.AnswerText, q.CreatedAt];

    private IEnumerable<IReadOnlyList<object?>> Votes(Guid id) =>
        from v in db.FormalVotes.AsNoTracking().Where(v => v.ConsultationId == id && v.Status == BallotStatus.Closed).OrderBy(v => v.ClosedAt).AsEnumerable()
        select (IReadOnlyList<object?>)[v.Title, v.Expected, v.Present, v.For, v.Against, v.Abstain, v.QuorumMet == true, v.Passed == true, v.ClosedAt];

    private IEnumerable<IReadOnlyList<object?>> Polls(Guid id)
    {
        var polls = db.Polls.AsNoTracking().Where(p => p.ConsultationId == id && p.Status == BallotStatus.Closed).OrderBy(p => p.OpenedAt ?? p.CreatedAt).ToList();
        foreach (var poll in polls)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var voters = 0;
            foreach (var a in db.PollAnswers.AsNoTracking().Where(a => a.PollId == poll.Id).Select(a => new { a.Choices, a.Rating, a.Text }).AsEnumerable())
            {
                voters++;
                var keys = poll.Kind switch
                {
                    PollKind.Rating => a.Rating is int r ? [r.ToString(CultureInfo.InvariantCulture)] : [],
                    PollKind.WordCloud => string.IsNullOrWhiteSpace(a.Text) ? [] : [a.Text.Trim()],
                    _ => a.Choices.Where(i => i >= 0 && i < poll.Options.Count).Select(i => poll.Options[i]).ToList(),
                };
                foreach (var k in keys) counts[k] = counts.GetValueOrDefault(k) + 1;
            }
            IEnumerable<string> order = poll.Kind switch
            {
                PollKind.Rating => ["5", "4", "3", "2", "1"],
                PollKind.WordCloud => counts.OrderByDescending(kv => kv.Value).Select(kv => kv.Key),
                _ => poll.Options,
            };
            foreach (var k in order)
            {
                var n = counts.GetValueOrDefault(k);
                yield return [poll.Title, P.Enum(poll.Kind), k, n, voters == 0 ? 0.0 : Math.Round(100.0 * n / voters, 1), voters];
            }
        }
    }

    private IEnumerable<IReadOnlyList<object?>> Questionnaires(Guid id)
    {
        var list = db.Questionnaires.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.CreatedAt).ToList();
        foreach (var q in list)
        {
            var items = q.Items.ToDictionary(i => i.Key);
            foreach (var r in db.QuestionnaireResponses.AsNoTracking().Where(r => r.QuestionnaireId == q.Id).OrderBy(r => r.SubmittedAt).AsEnumerable())
            {
                foreach (var a in r.Answers)
                {
                    if (!items.TryGetValue(a.Key, out var item)) continue;
                    var answer = item.Kind switch
                    {
                        QuestionnaireItemKind.Rating => a.Rating?.ToString(CultureInfo.InvariantCulture),
                        QuestionnaireItemKind.Text => a.Text,
                        _ => string.Join(P["list.separator"], a.Choices.Where(i => i >= 0 && i < item.Options.Count).Select(i => item.Options[i])),
                    };
                    yield return [q.Title, r.Id.ToString(), q.Anonymous ? null : r.RespondentName, item.Text, answer, r.SubmittedAt];
                }
            }
        }
    }

    private static Dictionary<string, FieldSet> LoadFields()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Minutes.data-fields.zh-CN.json")!;
        return JsonSerializer.Deserialize<Dictionary<string, FieldSet>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
