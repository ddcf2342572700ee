using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// Polls, formal votes and a questionnaire prepared as drafts in a test's own session (as staff would before the
/// meeting); the test then opens and closes them with the console's buttons, as the moderator does.
/// </summary>
public static class RoomDrafts
{
    public sealed record Drafts(string Single, string Multiple, string Rating, string Word, string NamedVote, string SecretVote,
        string Questionnaire, Guid NamedVoteId, Guid SecretVoteId, Guid QuestionnaireId);

    public static async Task<Drafts> AddAsync(E2ESession session, string tag)
    {
        await using var db = E2ESessions.NewDb();
        var org = await db.Consultations.Where(c => c.Id == session.Id).Select(c => c.OrganizationId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        Poll Poll(string title, PollKind kind, List<string> options, int max = 1) => new()
        {
            ConsultationId = session.Id, Title = title, Kind = kind, Options = options, MaxChoices = max, Status = BallotStatus.Draft, CreatedAt = now,
        };
        var d = new Drafts($"单选{tag}电梯选址", $"多选{tag}最关心", $"评分{tag}方案满意度", $"词云{tag}一个词", $"记名表决{tag}通过方案", $"无记名表决{tag}资金方案",
            $"问卷{tag}加装电梯意愿", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        db.Polls.AddRange(
            Poll(d.Single, PollKind.Single, ["东侧", "西侧", "北侧"]),
            Poll(d.Multiple, PollKind.Multiple, ["费用", "噪音", "采光", "工期"], 2),
            Poll(d.Rating, PollKind.Rating, []),
            Poll(d.Word, PollKind.WordCloud, []));
        db.FormalVotes.AddRange(
            new FormalVote { Id = d.NamedVoteId, ConsultationId = session.Id, Title = d.NamedVote, Secret = false, Status = BallotStatus.Draft, CreatedAt = now },
            new FormalVote { Id = d.SecretVoteId, ConsultationId = session.Id, Title = d.SecretVote, Secret = true, Status = BallotStatus.Draft, CreatedAt = now });
        db.Questionnaires.Add(new Questionnaire
        {
            Id = d.QuestionnaireId, OrganizationId = org, ConsultationId = session.Id, Title = d.Questionnaire, Anonymous = false,
            Status = BallotStatus.Draft, CreatedAt = now,
            Items =
            [
                new QuestionnaireItem { Key = "q1", Text = "您住几楼？", Kind = QuestionnaireItemKind.Single, Options = ["1-2楼", "3-4楼", "5楼以上"], Required = true },
                new QuestionnaireItem { Key = "q2", Text = "您最关心哪些方面？", Kind = QuestionnaireItemKind.Multiple, Options = ["费用", "噪音", "采光"] },
                new QuestionnaireItem { Key = "q3", Text = "对方案的满意度", Kind = QuestionnaireItemKind.Rating, Required = true },
                new QuestionnaireItem { Key = "q4", Text = "其他建议", Kind = QuestionnaireItemKind.Text },
            ],
        });
        await db.SaveChangesAsync();
        return d;
    }

    /// <summary>Presses 开始 or 结束 on the console card titled <paramref name="title"/> in box <paramref name="box"/>.</summary>
    public static async Task PressAsync(IPage console, string box, string title, string button)
    {
        var card = console.Locator($"#box-{box} .card", new() { HasText = title });
        await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    public static ILocator Card(IPage console, string box, string title) => console.Locator($"#box-{box} .card", new() { HasText = title });
}
