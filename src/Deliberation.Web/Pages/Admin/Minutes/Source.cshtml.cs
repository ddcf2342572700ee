using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Minutes;

/// <summary>The original record behind an item of the minutes, so a reviewer can check the wording against it.</summary>
public sealed class SourceModel(HubDbContext db, Display display, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Field(string Label, string? Value, string? Href = null);

    [FromRoute] public string Kind { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }

    public Guid? ConsultationId { get; private set; }
    public Guid? MinutesId { get; private set; }
    public List<Field> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        string F(string key) => l[$"Minutes.Field.{key}"];
        string At(DateTimeOffset? t) => t is null ? "" : display.At(t.Value);
        switch (Kind)
        {
            case "speech" when await db.Speeches.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } s:
                ConsultationId = s.ConsultationId;
                Fields = [new(F("Author"), $"{s.SpeakerName}（{display.Enum(s.Tier)}）"), new(F("Sector"), s.Sector), new(F("Topic"), s.Topic),
                          new(F("Text"), s.Text), new(F("Time"), At(s.StartedAt ?? s.RequestedAt))];
                break;
            case "question" when await db.Questions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } q:
                ConsultationId = q.ConsultationId;
                Fields = [new(F("Author"), q.AuthorName), new(F("Text"), q.Text), new(F("Status"), display.Enum(q.Status)), new(F("Votes"), $"{q.Votes}"),
                          new(F("Merged"), $"{q.MergedCount}"), new(F("Answer"), q.AnswerText is null ? null : $"{q.AnsweredBy}：{q.AnswerText}"), new(F("Time"), At(q.CreatedAt))];
                break;
            case "comment" when await db.Comments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } c:
                ConsultationId = c.ConsultationId;
                Fields = [new(F("Author"), c.AuthorName), new(F("Text"), c.Text), new(F("Status"), display.Enum(c.Status)), new(F("Likes"), $"{c.Likes}"), new(F("Time"), At(c.CreatedAt))];
                break;
            case "poll" when await db.Polls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } p:
                ConsultationId = p.ConsultationId;
                var answers = await db.PollAnswers.CountAsync(a => a.PollId == Id, ct);
                Fields = [new(F("Text"), p.Title), new(F("Results"), string.Join(" / ", p.Options)), new(F("Responses"), $"{answers}"), new(F("Time"), At(p.ClosedAt))];
                break;
            case "vote" when await db.FormalVotes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } v:
                ConsultationId = v.ConsultationId;
                Fields = [new(F("Text"), v.Title), new(F("Results"), $"{v.Expected} / {v.Present} · +{v.For} −{v.Against} ○{v.Abstain} · {v.QuorumMet} · {v.Passed}"), new(F("Time"), At(v.ClosedAt))];
                break;
            case "questionnaire" when await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } qn:
                ConsultationId = qn.ConsultationId;
                var responses = await db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == Id, ct);
                Fields = [new(F("Text"), qn.Title), new(F("Responses"), $"{responses}")];
                break;
            case "outcome" when await db.RoomOutcomes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct) is { } o:
                ConsultationId = o.ConsultationId;
                var dept = o.DepartmentId is null ? null : await db.Departments.Where(d => d.Id == o.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(ct);
                Fields = [new(F("Text"), o.Text), new(F("Department"), dept), new(F("Author"), o.CreatedBy), new(F("Time"), At(o.CreatedAt))];
                Fields.AddRange(o.SourceRefs.Select(r => r.Split(':', 2)).Where(r => r.Length == 2)
                    .Select(r => new Field(F("Sources"), l[$"Minutes.SourceKind.{r[0]}"], $"{MinutesMarkup.SourcePrefix}{r[0]}/{r[1]}")));
                break;
            default:
                return NotFound();
        }
        // Room rows are not filtered by organisation (hot path): the row's session must be one the reader's body owns.
        if (!await db.Consultations.AnyAsync(c => c.Id == ConsultationId, ct)) return NotFound();
        MinutesId = await db.MinutesDocuments.Where(m => m.ConsultationId == ConsultationId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct);
        return Page();
    }
}
