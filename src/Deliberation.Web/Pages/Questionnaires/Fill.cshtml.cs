using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace Deliberation.Web.Pages.Questionnaires;

/// <summary>A stand-alone questionnaire (网络问卷) filled in by link, without JavaScript, within its start and end time.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitingSetup.Submissions)]
public sealed class FillModel(HubDbContext db, OrgScope tenancy, RoomCommands commands, AnonymousVisitors visitors, TimeProvider clock) : PageModel
{
    public Questionnaire Questionnaire { get; private set; } = null!;
    public string? ErrorCode { get; private set; }
    public string? ErrorItem { get; private set; }
    public bool Submitted { get; private set; }
    public string State { get; private set; } = "open";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Submitted = await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == id && r.RespondentKey == RespondentKey(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var answers = Questionnaire.Items.Select(item =>
        {
            var values = Request.Form[item.Key].ToArray();
            var numbers = values.Select(v => int.TryParse(v, out var n) ? n : -1).ToList();
            return item.Kind switch
            {
                QuestionnaireItemKind.Text => new QuestionnaireAnswer { Key = item.Key, Text = values.FirstOrDefault() },
                QuestionnaireItemKind.Rating => new QuestionnaireAnswer { Key = item.Key, Rating = numbers.Count > 0 && numbers[0] > 0 ? numbers[0] : null },
                _ => new QuestionnaireAnswer { Key = item.Key, Choices = numbers },
            };
        }).ToList();
        var key = RespondentKey();
        if (key is null)
        {
            key = RoomActor.VisitorKey(visitors.Remember(HttpContext, "").Id);
        }
        try
        {
            var name = User.Identity?.IsAuthenticated == true ? User.DisplayName() : visitors.Current?.DisplayName;
            await commands.SubmitQuestionnaireAsync(id, key, string.IsNullOrEmpty(name) ? null : name, answers, ct);
            Submitted = true;
        }
        catch (DomainException ex)
        {
            ErrorCode = ex.Code;
            ErrorItem = ex.Message != ex.Code ? ex.Message : null;
        }
        return Page();
    }

    private string? RespondentKey() => User.UserId() is Guid u ? RoomActor.UserKey(u)
        : visitors.Current is { } v ? RoomActor.VisitorKey(v.Id) : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var q = await db.PublishedQuestionnaires().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (q is null) return false;
        // Open to anyone by link: the submission is written within the questionnaire's own organisation.
        tenancy.ActFor(q.OrganizationId);
        Questionnaire = q;
        var now = clock.GetUtcNow();
        State = q.Status == BallotStatus.Closed || q.EndsAt < now ? "closed" : q.StartsAt > now ? "notyet" : "open";
        return true;
    }
}
