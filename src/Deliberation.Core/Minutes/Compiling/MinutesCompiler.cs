using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>
/// Compiles a draft 协商纪要 in Markdown from a session's record, through the body's template. Only approved,
/// visible content enters; every generated item carries a source link. Large tables (comments, answers,
/// responses) are streamed, never loaded whole. Framework-free: it needs only <see cref="HubDbContext"/>.
/// </summary>
public sealed class MinutesCompiler(HubDbContext db)
{
    /// <summary>A part of the document: the placeholders it fills and its share of the progress bar.</summary>
    private sealed record Part(string[] Placeholders, int Weight, Func<CompileContext, Action<double>, Task<IReadOnlyDictionary<string, string>>> Build);

    private static readonly Part[] Parts =
    [
        new(["title", "session_title", "number", "issuer", "date", "overview"], 3, (c, _) => OverviewSections.FrontAsync(c)),
        new(["attendance"], 8, OverviewSections.AttendanceAsync),
        new(["agenda"], 2, (c, _) => Task.FromResult(OverviewSections.Agenda(c))),
        new(["briefings", "speeches"], 10, SpeechSections.BuildAsync),
        new(["public_opinion"], 50, OpinionSection.BuildAsync),
        new(["polls"], 12, BallotSections.PollsAsync),
        new(["votes"], 2, BallotSections.VotesAsync),
        new(["questionnaires"], 8, BallotSections.QuestionnairesAsync),
        new(["consensus", "disagreements", "recommendations", "next_steps"], 4, OutcomeSections.BuildAsync),
        new(["distribution"], 1, (c, _) => Task.FromResult(OutcomeSections.Distribution(c))),
    ];

    /// <summary>Compiles the Markdown; <paramref name="progress"/> hears whole percentages, rising, ending at 100.</summary>
    public async Task<string> CompileAsync(MinutesCompileInput input, IProgress<int>? progress, CancellationToken ct)
    {
        var session = await db.Consultations.AsNoTracking().Include(c => c.Agenda)
            .SingleOrDefaultAsync(c => c.Id == input.ConsultationId, ct)
            ?? throw new Consultations.DomainException("consultation.not_found");
        var orgName = await db.Organizations.Where(o => o.Id == session.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganizationId == session.OrganizationId)
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var context = new CompileContext(db, session, orgName, departments, input, ct);

        var used = MinutesPlaceholders.Used(input.Template);
        // Distribution's 抄送 list is gathered by the earlier parts, so every part runs when distribution is used.
        var needed = Parts.Where(p => used.Contains("distribution") || p.Placeholders.Any(used.Contains)).ToList();
        var total = needed.Sum(p => p.Weight);
        var done = 0;
        var last = -1;
        void Report(double fraction)
        {
            var pct = (int)Math.Clamp(Math.Floor(fraction * 100), 0, 99);
            if (pct > last) { last = pct; progress?.Report(pct); }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in needed)
        {
            ct.ThrowIfCancellationRequested();
            var before = done;
            var result = await part.Build(context, f => Report((before + part.Weight * Math.Clamp(f, 0, 1)) / total));
            foreach (var (k, v) in result) values[k] = v;
            done += part.Weight;
            Report((double)done / total);
        }
        var markdown = MinutesPlaceholders.Fill(input.Template.Replace("\r\n", "\n"), values).TrimEnd() + "\n";
        progress?.Report(100);
        return markdown;
    }
}
