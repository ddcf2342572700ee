using System.Text;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using static Deliberation.Core.Minutes.Compiling.MarkdownText;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>网民/群众意见: counts, main themes, representative approved comments, top questions with answers.</summary>
internal static class OpinionSection
{
    private const int Representative = 5;
    private const int TopQuestions = 10;
    private const int Themes = 8;
    private static readonly QuestionStatus[] Visible = [QuestionStatus.Open, QuestionStatus.Answering, QuestionStatus.Answered];

    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(CompileContext c, Action<double> progress)
    {
        var db = c.Db;
        var p = c.P;
        var comments = await db.Comments.Where(x => x.ConsultationId == c.Id).GroupBy(x => x.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, c.Ct);
        var questions = await db.Questions.Where(x => x.ConsultationId == c.Id).GroupBy(x => x.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, c.Ct);
        var approved = comments.GetValueOrDefault(CommentStatus.Approved);
        var visibleQuestions = Visible.Sum(s => questions.GetValueOrDefault(s));
        var merged = questions.GetValueOrDefault(QuestionStatus.Merged);
        var answered = questions.GetValueOrDefault(QuestionStatus.Answered);

        var sb = new StringBuilder();
        sb.Append(p.Format("opinion.counts", comments.Values.Sum(), approved, visibleQuestions + merged, merged, answered)).Append("\n\n");

        var themes = await ThemesAsync(c, approved + visibleQuestions, progress);
        if (themes.Count > 0)
        {
            var list = themes.Select(t => p.Format("opinion.theme", Escape(t.Theme), t.Count));
            sb.Append($"**{p["opinion.themes"]}**：{string.Join(p["list.separator"], list)}。\n\n");
        }

        var picks = await db.Comments.AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && x.Status == CommentStatus.Approved)
            .OrderByDescending(x => x.Pinned).ThenByDescending(x => x.Likes).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Take(Representative).Select(x => new { x.Id, x.AuthorName, x.Text, x.Likes }).ToListAsync(c.Ct);
        if (picks.Count > 0)
        {
            sb.Append($"**{p["opinion.representative"]}**：\n\n");
            foreach (var x in picks)
            {
                sb.Append($"- {p.Format("opinion.comment", Escape(x.Text), Escape(x.AuthorName), x.Likes)} {MinutesMarkup.SourceLink("comment", x.Id)}\n");
            }
            sb.Append('\n');
        }

        var top = await db.Questions.AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && Visible.Contains(x.Status))
            .OrderByDescending(x => x.Votes).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Take(TopQuestions).ToListAsync(c.Ct);
        if (top.Count > 0)
        {
            sb.Append($"**{p["opinion.questions"]}**：\n\n");
            var n = 0;
            foreach (var q in top)
            {
                var mergedNote = q.MergedCount > 0 ? p.Format("opinion.merged", q.MergedCount) : "";
                sb.Append($"{++n}. {Escape(q.Text)}{p.Format("opinion.votes", q.Votes, mergedNote)} {MinutesMarkup.SourceLink("question", q.Id)}\n");
                if (q.Status == QuestionStatus.Answered && !string.IsNullOrWhiteSpace(q.AnswerText))
                {
                    sb.Append($"   - {p.Format("opinion.answer", Escape(q.AnsweredBy ?? ""), Escape(q.AnswerText))}\n");
                }
                else
                {
                    sb.Append($"   - {p["opinion.unanswered"]}\n");
                }
            }
        }
        return new Dictionary<string, string> { ["public_opinion"] = sb.ToString() };
    }

    /// <summary>Streams approved comments and visible questions through the theme counter.</summary>
    private static async Task<IReadOnlyList<(string Theme, int Count)>> ThemesAsync(CompileContext c, int expected, Action<double> progress)
    {
        var counter = new ThemeCounter(c.Input.StopWords);
        var comments = c.Db.Comments.AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && x.Status == CommentStatus.Approved).Select(x => x.Text).AsAsyncEnumerable();
        var questions = c.Db.Questions.AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && Visible.Contains(x.Status)).Select(x => x.Text).AsAsyncEnumerable();
        foreach (var source in new[] { comments, questions })
        {
            await foreach (var text in source.WithCancellation(c.Ct))
            {
                counter.Add(text);
                if (counter.Texts % 2000 == 0) progress(0.9 * counter.Texts / Math.Max(expected, 1));
            }
        }
        return counter.Top(Themes, minCount: Math.Max(2, counter.Texts / 200));
    }
}
