using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Rooms;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.Questionnaires;

/// <summary>网络问卷: questionnaires published on their own by link, with a start and end time.</summary>
public sealed class IndexModel(HubDbContext db, RoomCommands commands, ClientStrings strings, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The builder's strings (the Room.* keys live pages get).</summary>
    public IReadOnlyDictionary<string, string> BuilderStrings => strings.ForLivePages();

    public List<(Questionnaire Q, int Responses)> Items { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string Title { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        public string? Description { get; set; }

        /// <summary>The builder's items as JSON (see <see cref="QuestionnaireItemsForm"/>).</summary>
        public string ItemsJson { get; set; } = "";

        public bool Anonymous { get; set; } = true;

        [Required(ErrorMessage = "Validation.Required")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public DateTime? EndsAt { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var start = DateTime.Today.AddHours(DateTime.Now.Hour + 1);
        Input = new InputModel { StartsAt = start, EndsAt = start.AddDays(14) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (items, errors) = QuestionnaireItemsForm.Read(Input.ItemsJson, l);
        foreach (var e in errors) ModelState.AddModelError("Input.ItemsJson", e);
        if (ModelState.IsValid)
        {
            // An account without a body publishes nothing (it used to publish in whichever body sorted first).
            if (User.OrganizationId() is not Guid org) return Forbid();
            var draft = new QuestionnaireDraft(Input.Title, Input.Description, Input.Anonymous, Display.FromInput(Input.StartsAt!.Value),
                Display.FromInput(Input.EndsAt!.Value), items);
            try
            {
                var q = await commands.CreateQuestionnaireAsync(org, null, User.ToActor(), draft, ct);
                TempData["Flash"] = l["Admin.Saved"].Value;
                return Redirect($"/Admin/Questionnaires/{q.Id}");
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError("Input.ItemsJson", l[$"RoomError.{ex.Code}"]);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var org = User.OrganizationId();
        var list = await db.Questionnaires.AsNoTracking().Where(q => q.OrganizationId == org)
            .OrderByDescending(q => q.CreatedAt).Take(100).ToListAsync(ct);
        var ids = list.Select(q => q.Id).ToList();
        var counts = await db.QuestionnaireResponses.Where(r => ids.Contains(r.QuestionnaireId)).GroupBy(r => r.QuestionnaireId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Items = list.Select(q => (q, counts.GetValueOrDefault(q.Id))).ToList();
    }
}
