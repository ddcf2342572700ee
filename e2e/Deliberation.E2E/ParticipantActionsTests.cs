using Deliberation.Core.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// Every participant action done in the real room page (desktop and phone), each checked where someone else looks:
/// the moderator's console or a second participant.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ParticipantActionsTests(BrowserFixture browser)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..4];

    private async Task<(IBrowserContext Context, IPage Page)> ConsoleAsync(E2ESession s)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "moderator", "Host#2026hub");
        await page.GotoAsync(s.Console);
        await Assertions.Expect(page.Locator("#console")).ToHaveAttributeAsync("data-state", "live");
        return (context, page);
    }

    private async Task<(IBrowserContext Context, IPage Page)> MemberAsync(E2ESession s, bool phone)
    {
        var context = await browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member", "Member#2026hub");
        await page.GotoAsync(s.Room);
        await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        return (context, page);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PollsVotesAndQuestionnaire_AnsweredInTheRoom_AreCountedOnTheConsole(bool phone)
    {
        var s = await E2ESessions.CreateAsync();
        var d = await RoomDrafts.AddAsync(s, Tag());
        var (modContext, mod) = await ConsoleAsync(s);
        await using var _ = modContext;
        var (memberContext, member) = await MemberAsync(s, phone);
        await using var __ = memberContext;
        var view = phone ? "phone" : "desktop";

        // Polls of every kind, opened while the member is in the room.
        foreach (var title in new[] { d.Single, d.Multiple, d.Rating, d.Word }) await RoomDrafts.PressAsync(mod, "polls", title, "开始");
        await member.GetByRole(AriaRole.Tab, new() { Name = "投票" }).ClickAsync();
        var single = member.Locator(".poll", new() { HasText = d.Single });
        await single.GetByRole(AriaRole.Radio, new() { Name = "西侧" }).CheckAsync();
        await single.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var multiple = member.Locator(".poll", new() { HasText = d.Multiple });
        await multiple.GetByRole(AriaRole.Checkbox, new() { Name = "费用" }).CheckAsync();
        await multiple.GetByRole(AriaRole.Checkbox, new() { Name = "采光" }).CheckAsync();
        await multiple.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var rating = member.Locator(".poll", new() { HasText = d.Rating });
        await rating.Locator("label[for$='-r4']").ClickAsync(); // the visible box, as a finger would
        await Assertions.Expect(rating.GetByRole(AriaRole.Radio, new() { Name = "4" })).ToBeCheckedAsync();
        await rating.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var word = member.Locator(".poll", new() { HasText = d.Word });
        await word.GetByRole(AriaRole.Textbox).FillAsync("加装电梯");
        await word.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(RoomDrafts.Card(mod, "polls", d.Single)).ToContainTextAsync("1 人参与");
        await Assertions.Expect(RoomDrafts.Card(mod, "polls", d.Single)).ToContainTextAsync("1 · 100%");
        await Assertions.Expect(RoomDrafts.Card(mod, "polls", d.Multiple)).ToContainTextAsync("1 人参与");
        await Assertions.Expect(RoomDrafts.Card(mod, "polls", d.Rating)).ToContainTextAsync("平均 4 分");
        await Assertions.Expect(RoomDrafts.Card(mod, "polls", d.Word)).ToContainTextAsync("加装电梯(1)");
        await Assertions.Expect(rating.Locator(".poll-results")).ToContainTextAsync("平均 4 分");
        await BrowserFixture.ShotAsync(member, $"participant-{view}-polls");

        // A named and a secret formal vote (表决): cast in the room, counted after the moderator closes it.
        await RoomDrafts.PressAsync(mod, "votes", d.NamedVote, "开始");
        await member.GetByRole(AriaRole.Tab, new() { Name = "表决" }).ClickAsync();
        var named = member.Locator(".vote", new() { HasText = d.NamedVote });
        await named.GetByRole(AriaRole.Button, new() { Name = "赞成" }).ClickAsync();
        await Assertions.Expect(named).ToContainTextAsync("您已投票");
        await Assertions.Expect(RoomDrafts.Card(mod, "votes", d.NamedVote)).ToContainTextAsync("已投 1 票");
        await RoomDrafts.PressAsync(mod, "votes", d.NamedVote, "结束");
        await Assertions.Expect(named).ToContainTextAsync("赞成 1，反对 0，弃权 0");
        await Assertions.Expect(named).ToContainTextAsync("通过");
        await Assertions.Expect(RoomDrafts.Card(mod, "votes", d.NamedVote)).ToContainTextAsync("赞成 1，反对 0，弃权 0");

        await RoomDrafts.PressAsync(mod, "votes", d.SecretVote, "开始");
        var secret = member.Locator(".vote", new() { HasText = d.SecretVote });
        await secret.GetByRole(AriaRole.Button, new() { Name = "反对" }).ClickAsync();
        await Assertions.Expect(secret).ToContainTextAsync("您已投票");
        await Assertions.Expect(RoomDrafts.Card(mod, "votes", d.SecretVote)).ToContainTextAsync("已投 1 票");
        await RoomDrafts.PressAsync(mod, "votes", d.SecretVote, "结束");
        await Assertions.Expect(secret).ToContainTextAsync("赞成 0，反对 1，弃权 0");
        await Assertions.Expect(RoomDrafts.Card(mod, "votes", d.SecretVote)).ToContainTextAsync("未通过");
        await using (var db = E2ESessions.NewDb())
        {
            // A named vote keeps who chose what; a secret one keeps only its counts and who voted.
            var ballots = await db.FormalBallots.Where(b => b.VoteId == d.NamedVoteId || b.VoteId == d.SecretVoteId).ToListAsync();
            Assert.Equal("王建国", Assert.Single(ballots).VoterName);
            var tally = await db.FormalVoteTallies.SingleAsync(t => t.VoteId == d.SecretVoteId);
            Assert.Equal((0, 1, 0), (tally.For, tally.Against, tally.Abstain));
            Assert.Equal(1, await db.FormalVoteParticipations.CountAsync(x => x.VoteId == d.SecretVoteId));
        }
        await BrowserFixture.ShotAsync(member, $"participant-{view}-votes");

        // A questionnaire opened while the member is in the room: every item kind, a refusal that names the item.
        await member.GetByRole(AriaRole.Tab, new() { Name = "问卷" }).ClickAsync();
        await RoomDrafts.PressAsync(mod, "questionnaires", d.Questionnaire, "开始");
        var form = member.Locator("form.questionnaire");
        await Assertions.Expect(form.GetByRole(AriaRole.Radio, new() { Name = "3-4楼" })).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "提交问卷" }).ClickAsync();
        await Assertions.Expect(member.GetByText("第1题为必答题，请作答。")).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("[data-item=q1]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("invalid"));
        await form.GetByRole(AriaRole.Radio, new() { Name = "3-4楼" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "费用" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "采光" }).CheckAsync();
        await form.Locator("[data-item=q3] label[for$='-r4']").ClickAsync();
        await Assertions.Expect(form.Locator("[data-item=q3]").GetByRole(AriaRole.Radio, new() { Name = "4" })).ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Textbox, new() { Name = "4. 其他建议" }).FillAsync("希望尽快开工");
        await BrowserFixture.ShotAsync(member, $"participant-{view}-questionnaire");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交问卷" }).ClickAsync();
        await Assertions.Expect(member.GetByText("感谢您填写问卷！")).ToBeVisibleAsync();
        await Assertions.Expect(RoomDrafts.Card(mod, "questionnaires", d.Questionnaire)).ToContainTextAsync("1 份答卷");
        await using (var db = E2ESessions.NewDb())
        {
            var response = await db.QuestionnaireResponses.SingleAsync(r => r.QuestionnaireId == d.QuestionnaireId);
            Assert.Equal("王建国", response.RespondentName);
            var a = response.Answers.ToDictionary(x => x.Key);
            Assert.Equal(new[] { 1 }, a["q1"].Choices);
            Assert.Equal(new[] { 0, 2 }, a["q2"].Choices.Order());
            Assert.Equal(4, a["q3"].Rating);
            Assert.Equal("希望尽快开工", a["q4"].Text);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CommentsQuestionsAndTheFloor_ReachTheConsoleAndOtherParticipants(bool phone)
    {
        var tag = Tag();
        var s = await E2ESessions.CreateAsync(configure: c => c.Room.ReportThreshold = 1);
        var (modContext, mod) = await ConsoleAsync(s);
        await using var _ = modContext;
        var (memberContext, member) = await MemberAsync(s, phone);
        await using var __ = memberContext;
        await using var publicContext = await browser.NewContextAsync(phone: true);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(s.Room);
        await Assertions.Expect(visitor.Locator("#room")).ToHaveAttributeAsync("data-state", "live");

        // A member's comment is not pre-moderated: the public sees it at once.
        await member.GetByRole(AriaRole.Textbox, new() { Name = "说说您的意见建议（500字以内）" }).FillAsync($"建议先做结构安全评估{tag}");
        await member.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        var seen = visitor.Locator(".feed li", new() { HasText = "结构安全评估" + tag });
        await Assertions.Expect(seen).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Textbox, new() { Name = "说说您的意见建议（500字以内）" })).ToHaveValueAsync("");

        // A question, upvoted by someone else; the console counts the vote.
        await member.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        await member.GetByRole(AriaRole.Textbox, new() { Name = "向部门提问（300字以内）" }).FillAsync($"补贴标准是多少{tag}？");
        await member.GetByRole(AriaRole.Button, new() { Name = "提问", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(mod.Locator("#box-qa .question", new() { HasText = "补贴标准是多少" + tag })).ToBeVisibleAsync();

        // The floor: oral, withdrawn, then written; the console's queue follows.
        await member.GetByRole(AriaRole.Tab, new() { Name = "发言" }).ClickAsync();
        await member.GetByRole(AriaRole.Textbox, new() { Name = "发言主题" }).FillAsync($"口头{tag}");
        await member.GetByRole(AriaRole.Button, new() { Name = "申请发言" }).ClickAsync();
        var modFloor = mod.Locator("#box-floor");
        await Assertions.Expect(modFloor).ToContainTextAsync($"口头{tag}");
        await member.GetByRole(AriaRole.Button, new() { Name = "撤回申请" }).ClickAsync();
        await Assertions.Expect(modFloor).Not.ToContainTextAsync($"口头{tag}");
        await member.GetByRole(AriaRole.Combobox).SelectOptionAsync("Written");
        await member.GetByRole(AriaRole.Textbox, new() { Name = "发言主题" }).FillAsync($"书面{tag}");
        await member.GetByRole(AriaRole.Textbox, new() { Name = "书面发言全文" }).FillAsync("关于资金筹措的书面意见全文。");
        await member.GetByRole(AriaRole.Button, new() { Name = "申请发言" }).ClickAsync();
        await Assertions.Expect(modFloor).ToContainTextAsync($"书面{tag}");
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "撤回申请" })).ToBeVisibleAsync();

        // The public visitor takes part: a name is asked inline the first time, then the upvote and the report go through.
        await visitor.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        var question = visitor.Locator(".question", new() { HasText = "补贴标准是多少" + tag });
        await question.GetByRole(AriaRole.Button, new() { Name = "赞同" }).ClickAsync();
        await visitor.GetByLabel("昵称").FillAsync("三楼的李叔叔");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        await visitor.Locator(".question", new() { HasText = "补贴标准是多少" + tag }).GetByRole(AriaRole.Button, new() { Name = "赞同" }).ClickAsync();
        await Assertions.Expect(mod.Locator("#box-qa .question", new() { HasText = "补贴标准是多少" + tag }).Locator(".q-votes")).ToHaveTextAsync("1");
        await Assertions.Expect(member.Locator(".question", new() { HasText = "补贴标准是多少" + tag }).Locator(".q-count")).ToHaveTextAsync("1");

        await visitor.GetByRole(AriaRole.Tab, new() { Name = "留言" }).ClickAsync();
        await visitor.Locator(".feed li", new() { HasText = "结构安全评估" + tag }).GetByRole(AriaRole.Button, new() { Name = "举报" }).ClickAsync();
        // With a threshold of one report the comment leaves the room and waits in the moderator's queue.
        await Assertions.Expect(mod.Locator("#box-queue li", new() { HasText = "结构安全评估" + tag })).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "结构安全评估" + tag })).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(member, $"participant-{(phone ? "phone" : "desktop")}-floor");
    }

    [Fact]
    public async Task RoomCode_LeadsIntoTheRoom_AndAPublicCommentShowsItsReviewToItsAuthor()
    {
        var tag = Tag();
        var s = await E2ESessions.CreateAsync();
        var (modContext, mod) = await ConsoleAsync(s);
        await using var _ = modContext;
        var (memberContext, member) = await MemberAsync(s, phone: false);
        await using var __ = memberContext;

        // The six-digit code on the home page leads straight into the room, watching at once, no name asked.
        await using var publicContext = await browser.NewContextAsync(phone: true);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByLabel("输入6位房间码进入协商").FillAsync(s.RoomCode);
        await BrowserFixture.ShotAsync(visitor, "participant-phone-home-code");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "进入", Exact = true }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{s.Room}$"));
        await Assertions.Expect(visitor.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(visitor.GetByLabel("昵称")).Not.ToBeVisibleAsync();

        // Taking part asks for a name inline; the comment typed before is sent after and waits for review.
        var box = visitor.GetByRole(AriaRole.Textbox, new() { Name = "说说您的意见建议（500字以内）" });
        await box.FillAsync($"希望电梯尽量不占绿地{tag}");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(visitor.GetByLabel("昵称")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(visitor, "participant-phone-name");
        await visitor.GetByLabel("昵称").FillAsync("六楼的张阿姨");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        var mine = visitor.Locator(".feed li", new() { HasText = "不占绿地" + tag });
        await Assertions.Expect(mine).ToContainTextAsync("待审核");
        await Assertions.Expect(mine).ToContainTextAsync("六楼的张阿姨");
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "不占绿地" + tag })).ToHaveCountAsync(0);
        // Still there after a reload: the snapshot carries the author's own pending comments.
        await visitor.ReloadAsync();
        await Assertions.Expect(mine).ToContainTextAsync("待审核");
        await BrowserFixture.ShotAsync(visitor, "participant-phone-pending");

        var queued = mod.Locator("#box-queue li", new() { HasText = "不占绿地" + tag });
        await queued.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(mine).Not.ToContainTextAsync("待审核");
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "不占绿地" + tag })).ToBeVisibleAsync();

        // A second one is refused with a reason, which its author sees with the comment; nobody else sees it.
        await box.FillAsync($"广告内容{tag}");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        var refused = visitor.Locator(".feed li", new() { HasText = "广告内容" + tag });
        await Assertions.Expect(refused).ToContainTextAsync("待审核");
        await Assertions.Expect(box).ToHaveValueAsync("");
        mod.Dialog += async (_, dialog) => await dialog.AcceptAsync("与议题无关");
        await mod.Locator("#box-queue li", new() { HasText = "广告内容" + tag }).GetByRole(AriaRole.Button, new() { Name = "不通过", Exact = true }).ClickAsync();
        // Newer consoles ask for the reason inline instead of in a browser prompt.
        var reason = mod.GetByRole(AriaRole.Textbox, new() { Name = "不通过的理由（将告知发布人）" });
        if (await reason.CountAsync() > 0)
        {
            await reason.First.FillAsync("与议题无关");
            await mod.GetByRole(AriaRole.Button, new() { Name = "提交理由" }).ClickAsync();
        }
        await Assertions.Expect(refused).ToContainTextAsync("未通过审核：与议题无关");
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "广告内容" + tag })).ToHaveCountAsync(0);

        // A length error names the limit.
        await box.FillAsync(new string('长', 500));
        await box.EvaluateAsync("el => { el.removeAttribute('maxlength'); el.value += '超出'; }");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("最多500字")).ToBeVisibleAsync();
        await Assertions.Expect(box).Not.ToHaveValueAsync("");
        await BrowserFixture.ShotAsync(visitor, "participant-phone-reviewed");
    }
}
