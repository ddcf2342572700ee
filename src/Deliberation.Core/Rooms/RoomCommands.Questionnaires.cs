using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>Prepares a questionnaire for the room (or, with no room, published by link between its start and end).</summary>
    public async Task<Questionnaire> CreateQuestionnaireAsync(Guid organizationId, Guid? roomId, Actor actor, QuestionnaireDraft draft, CancellationToken ct)
    {
        var items = ValidateItems(draft.Items);
        if (draft.StartsAt is { } s && draft.EndsAt is { } e && e <= s) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        var q = new Questionnaire
        {
            OrganizationId = organizationId, ConsultationId = roomId, Title = RoomText.Clean(draft.Title, RoomText.ShortMax, multiline: false),
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : RoomText.Clean(draft.Description, 2000),
            // PostgreSQL stores instants in UTC; the admin form gives local times with the organisation's offset.
            Anonymous = draft.Anonymous, StartsAt = draft.StartsAt?.ToUniversalTime(), EndsAt = draft.EndsAt?.ToUniversalTime(), Items = items, CreatedAt = Now,
            Status = roomId is null ? BallotStatus.Open : BallotStatus.Draft,
        };
        db.Questionnaires.Add(q);
        AuditLog.Record(db, actor, "questionnaire.create", nameof(Questionnaire), q.Id, after: new { q.Title, q.ConsultationId }, at: Now);
        await db.SaveChangesAsync(ct);
        return q;
    }

    private static List<QuestionnaireItem> ValidateItems(IReadOnlyList<QuestionnaireItem> items)
    {
        if (items.Count is 0 or > 50) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        var result = new List<QuestionnaireItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            // Keys are the server's ("q1", "q2"…): a draft sends none (docs/realtime-api.md), and one it sends is ignored.
            var key = $"q{i + 1}";
            foreach (var o in it.Options ?? []) RoomText.Require(o, multiline: false, detail: key);
            var options = (it.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
            var choice = it.Kind is QuestionnaireItemKind.Single or QuestionnaireItemKind.Multiple;
            if (choice && options.Count < 2) throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
            result.Add(new QuestionnaireItem
            {
                Key = key, Text = CleanItemText(it.Text, key), Kind = it.Kind,
                Options = choice ? options : [], Required = it.Required,
            });
        }
        return result;
    }

    private static string CleanItemText(string? text, string key)
    {
        RoomText.Require(text, multiline: false, detail: key);
        return RoomText.Clean(text, RoomText.ShortMax, multiline: false);
    }

    /// <summary>Opens or closes a room's questionnaire; the room hears of it.</summary>
    public async Task<RoomResult> SetQuestionnaireOpenAsync(Guid roomId, RoomActor actor, Guid questionnaireId, bool open, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, open ? "questionnaire.open" : "questionnaire.close", ct);
        var q = await db.Questionnaires.SingleOrDefaultAsync(x => x.Id == questionnaireId && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (open ? q.Status != BallotStatus.Draft : q.Status != BallotStatus.Open) throw RoomErrors.Fail(RoomErrors.WrongState);
        q.Status = open ? BallotStatus.Open : BallotStatus.Closed;
        AuditLog.Record(db, AuditActor(actor), open ? "questionnaire.open" : "questionnaire.close", nameof(Questionnaire), q.Id, at: Now);
        await using var unit = await BeginAsync(roomId, ct);
        unit.Publish(open ? RoomEventTypes.QuestionnaireOpened : RoomEventTypes.QuestionnaireClosed, View(q));
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>Submits a response: required items answered, answers fit their items, one response per person.</summary>
    public async Task<RoomResult> SubmitQuestionnaireAsync(Guid questionnaireId, string respondentKey, string? respondentName,
        IReadOnlyList<QuestionnaireAnswer> answers, CancellationToken ct)
    {
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == questionnaireId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (q.Status != BallotStatus.Open || q.StartsAt > Now || q.EndsAt < Now) throw RoomErrors.Fail(RoomErrors.WrongState);
        var clean = new List<QuestionnaireAnswer>();
        foreach (var item in q.Items)
        {
            var a = answers.FirstOrDefault(x => x.Key == item.Key);
            if (a is not null) a.Choices ??= [];
            var empty = a is null || (a.Choices.Count == 0 && a.Rating is null && string.IsNullOrWhiteSpace(a.Text));
            if (empty)
            {
                if (item.Required) throw RoomErrors.Fail(RoomErrors.AnswerRequired, item.Key);
                continue;
            }
            clean.Add(CleanAnswer(item, a!));
        }
        if (await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == questionnaireId && r.RespondentKey == respondentKey, ct))
        {
            throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        db.QuestionnaireResponses.Add(new QuestionnaireResponse
        {
            QuestionnaireId = questionnaireId, RespondentKey = respondentKey, RespondentName = q.Anonymous ? null : respondentName,
            Answers = clean, SubmittedAt = Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw RoomErrors.Fail(RoomErrors.AlreadyAnswered);
        }
        return new RoomResult([], [new QuestionnaireDirtyEffect(questionnaireId)], true);
    }

    /// <summary>Longest answer to a text item.</summary>
    public const int QuestionnaireTextMax = 2000;

    private static QuestionnaireAnswer CleanAnswer(QuestionnaireItem item, QuestionnaireAnswer a)
    {
        switch (item.Kind)
        {
            case QuestionnaireItemKind.Single or QuestionnaireItemKind.Multiple:
                var picked = a.Choices.Distinct().ToList();
                if (picked.Count == 0) throw RoomErrors.Fail(RoomErrors.AnswerRequired, item.Key);
                if (item.Kind == QuestionnaireItemKind.Single && picked.Count > 1) throw RoomErrors.Fail(RoomErrors.ItemTooManyChoices, $"{item.Key}.1");
                if (picked.Any(c => c < 0 || c >= item.Options.Count)) throw RoomErrors.Fail(RoomErrors.InvalidAnswer, item.Key);
                return new QuestionnaireAnswer { Key = item.Key, Choices = picked };
            case QuestionnaireItemKind.Rating:
                if (a.Rating is null) throw RoomErrors.Fail(RoomErrors.AnswerRequired, item.Key);
                if (a.Rating is not (>= 1 and <= 5)) throw RoomErrors.Fail(RoomErrors.InvalidAnswer, item.Key);
                return new QuestionnaireAnswer { Key = item.Key, Rating = a.Rating };
            default:
                RoomText.Require(a.Text, detail: item.Key);
                var text = (a.Text ?? "").Replace("\r\n", "\n").Trim();
                if (text.Length == 0) throw RoomErrors.Fail(RoomErrors.AnswerRequired, item.Key);
                if (text.Length > QuestionnaireTextMax) throw RoomErrors.Fail(RoomErrors.ItemTooLong, $"{item.Key}.{QuestionnaireTextMax}");
                return new QuestionnaireAnswer { Key = item.Key, Text = text };
        }
    }
}
