using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// Every moderator action of the console, each proven by what another browser context sees: a member's room, the
/// big screen, or a second staff console. Each test makes its own session.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ConsoleActionsTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 15_000 };

    private static async Task<IPage> OpenConsoleAsync(IBrowserContext context, E2ESession session, string user = "moderator", string password = "Host#2026hub")
    {
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user, password);
        await page.GotoAsync(session.Console);
        await Assertions.Expect(page.Locator("#console")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#box-settings").GetByRole(AriaRole.Button, new() { Name = "保存" })).ToBeVisibleAsync(Long);
        return page;
    }

    private static async Task<IPage> OpenRoomAsync(IBrowserContext context, E2ESession session, string user, string password)
    {
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user, password);
        await page.GotoAsync(session.Room);
        await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        return page;
    }

    private static async Task PostCommentAsync(IPage room, string text)
    {
        await room.GetByRole(AriaRole.Tab, new() { Name = "留言" }).ClickAsync();
        await room.GetByPlaceholder("说说您的意见建议（500字以内）").FillAsync(text);
        await room.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
    }

    [Fact]
    public async Task GoLive_RoomRules_Approve_Pin_Hide_RejectWithReason_Block()
    {
        var session = await E2ESessions.CreateAsync(live: false);
        await using var modContext = await browser.NewContextAsync();
        await using var memberContext = await browser.NewContextAsync();
        var mod = await OpenConsoleAsync(modContext, session);
        var member = await OpenRoomAsync(memberContext, session, "member", "Member#2026hub");

        // Go live: the member's room hears it.
        await mod.GetByRole(AriaRole.Button, new() { Name = "开始直播" }).ClickAsync();
        await Assertions.Expect(member.Locator("[data-bind=status]")).ToHaveTextAsync("直播中");
        await Assertions.Expect(mod.GetByRole(AriaRole.Button, new() { Name = "结束协商" })).ToBeVisibleAsync();

        // Room rules: members' comments now wait for review.
        var rules = mod.Locator("#box-settings");
        await rules.GetByLabel("委员留言先审后发").CheckAsync();
        await rules.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(mod.Locator(".toast", new() { HasText = "已保存" })).ToBeVisibleAsync();
        await PostCommentAsync(member, "建议成立加装电梯协调小组（一）");
        var queued = mod.Locator("#box-queue li.queued", new() { HasText = "协调小组（一）" });
        await Assertions.Expect(queued).ToBeVisibleAsync(Long);
        var memberFeed = member.Locator(".feed li", new() { HasText = "协调小组（一）" });
        await Assertions.Expect(memberFeed.Filter(new() { HasNotText = "审核" })).ToHaveCountAsync(0);

        // Approve, pin, hide: the member sees each.
        await queued.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(queued).ToHaveCountAsync(0);
        await Assertions.Expect(memberFeed.First).ToBeVisibleAsync(Long);
        var shown = mod.Locator("#box-comments li", new() { HasText = "协调小组（一）" });
        await shown.GetByRole(AriaRole.Button, new() { Name = "置顶" }).ClickAsync();
        await Assertions.Expect(memberFeed.First).ToContainTextAsync("置顶");
        await shown.GetByRole(AriaRole.Button, new() { Name = "隐藏" }).ClickAsync();
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "协调小组（一）" }).Filter(new() { HasNotText = "审核" })).ToHaveCountAsync(0);

        // Reject with a reason picked from the common ones: the author is told why.
        await PostCommentAsync(member, "这条留言与本次议题无关（二）");
        var second = mod.Locator("#box-queue li.queued", new() { HasText = "（二）" });
        await second.GetByRole(AriaRole.Button, new() { Name = "不通过", Exact = true }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "与议题无关" }).ClickAsync();
        await Assertions.Expect(second.GetByLabel("不通过的理由（将告知发布人）")).ToHaveValueAsync("与议题无关");
        await BrowserFixture.ShotAsync(mod, "console-reject-inline");
        await second.GetByRole(AriaRole.Button, new() { Name = "提交理由" }).ClickAsync();
        await Assertions.Expect(second).ToHaveCountAsync(0);
        await Assertions.Expect(member.Locator("#room")).ToContainTextAsync("未通过审核：与议题无关", new() { Timeout = 15_000 });

        // Block: the author is told, and the console lists them with a way back.
        await PostCommentAsync(member, "第三条留言（三）");
        var third = mod.Locator("#box-queue li.queued", new() { HasText = "（三）" });
        await third.GetByRole(AriaRole.Button, new() { Name = "禁言" }).ClickAsync();
        await Assertions.Expect(member.Locator("#room")).ToContainTextAsync("您已被主持人禁言", new() { Timeout = 15_000 });
        await Assertions.Expect(mod.Locator("#box-queue .blocked")).ToContainTextAsync("王建国");
        await Assertions.Expect(mod.Locator("#box-queue .blocked").GetByRole(AriaRole.Button, new() { Name = "解除禁言" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Answering_Merge_Answered_GrantAndEndFloor()
    {
        var session = await E2ESessions.CreateAsync();
        await using var modContext = await browser.NewContextAsync();
        await using var memberContext = await browser.NewContextAsync();
        await using var deptContext = await browser.NewContextAsync();
        var mod = await OpenConsoleAsync(modContext, session);
        var member = await OpenRoomAsync(memberContext, session, "member", "Member#2026hub");
        var dept = await OpenRoomAsync(deptContext, session, "department", "Dept#2026hub");

        async Task AskAsync(IPage page, string text)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
            await page.GetByPlaceholder("向部门提问（300字以内）").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "提问" }).Last.ClickAsync();
        }
        await AskAsync(member, "电梯什么时候能开工建设？");
        await AskAsync(dept, "加装电梯开工时间是否确定？");
        var mine = member.Locator(".question", new() { HasText = "电梯什么时候能开工建设" });
        var modMine = mod.Locator("#box-qa .question", new() { HasText = "电梯什么时候能开工建设" });
        var modOther = mod.Locator("#box-qa .question", new() { HasText = "加装电梯开工时间是否确定" });
        await Assertions.Expect(modOther).ToBeVisibleAsync(Long);

        // 正在回答: the asker sees it.
        await modMine.GetByRole(AriaRole.Button, new() { Name = "正在回答" }).ClickAsync();
        await Assertions.Expect(mine.First).ToContainTextAsync("正在回答");

        // Merge through the shared picker: search, click the target; the member's question shows the merge.
        await modOther.GetByRole(AriaRole.Button, new() { Name = "合并到…" }).ClickAsync();
        var picker = mod.Locator("dialog.merge-picker");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await picker.GetByRole(AriaRole.Searchbox).FillAsync("什么时候");
        await BrowserFixture.ShotAsync(mod, "console-merge-picker");
        await picker.GetByRole(AriaRole.Button, new() { Name = "电梯什么时候能开工建设" }).ClickAsync();
        await Assertions.Expect(picker).ToBeHiddenAsync();
        await Assertions.Expect(mine.First).ToContainTextAsync("合并了 1 个相同问题");
        await Assertions.Expect(modOther).ToHaveCountAsync(0);

        // Answered, with who answered.
        await modMine.GetByPlaceholder("回答人（如：市住建局 李文斌）").FillAsync("市住建局 李文斌");
        await modMine.GetByPlaceholder("回答要点").FillAsync("年内完成审批，明年春季开工");
        await modMine.GetByRole(AriaRole.Button, new() { Name = "记录回答" }).ClickAsync();
        await Assertions.Expect(mine.First).ToContainTextAsync("已回答");
        await Assertions.Expect(mine.First).ToContainTextAsync("市住建局 李文斌");

        // Grant and end the floor: the big screen shows the speaker, then nobody.
        var screen = await modContext.NewPageAsync();
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync(session.Screen);
        await Assertions.Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await member.GetByRole(AriaRole.Tab, new() { Name = "发言" }).ClickAsync();
        await member.GetByPlaceholder("发言主题").FillAsync("资金筹措的建议");
        await member.GetByRole(AriaRole.Button, new() { Name = "申请发言" }).ClickAsync();
        await mod.Locator("#box-floor").GetByRole(AriaRole.Button, new() { Name = "请发言" }).ClickAsync();
        await Assertions.Expect(screen.Locator(".speaker-name")).ToContainTextAsync("王建国");
        await mod.Locator("#box-floor").GetByRole(AriaRole.Button, new() { Name = "结束发言" }).ClickAsync();
        await Assertions.Expect(screen.Locator("[data-bind=speaker]")).ToContainTextAsync("暂无发言");
    }

    [Fact]
    public async Task Poll_CheckIn_Vote_AndQuestionnaireBuiltWithTheForm()
    {
        var session = await E2ESessions.CreateAsync(extraVoters: 1);
        await using var modContext = await browser.NewContextAsync();
        await using var memberContext = await browser.NewContextAsync();
        var mod = await OpenConsoleAsync(modContext, session);
        var member = await OpenRoomAsync(memberContext, session, "member", "Member#2026hub");

        // Poll: create, open (the member sees it), close (the member sees it closed).
        var polls = mod.Locator("#box-polls");
        await polls.GetByText("新建投票").ClickAsync();
        await polls.GetByLabel("投票题目").FillAsync("电梯维保费用谁来出？");
        await polls.GetByLabel("选项（每行一个）").FillAsync("业主分摊\n物业承担");
        await polls.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var modPoll = polls.Locator(".poll", new() { HasText = "电梯维保费用谁来出" });
        await modPoll.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "投票" }).ClickAsync();
        var memberPoll = member.Locator(".poll", new() { HasText = "电梯维保费用谁来出" });
        await Assertions.Expect(memberPoll).ToBeVisibleAsync(Long);
        await modPoll.GetByRole(AriaRole.Button, new() { Name = "结束" }).ClickAsync();
        await Assertions.Expect(memberPoll).ToContainTextAsync("投票已结束");

        // Check in by hand, then a formal vote counts that person present.
        var person = mod.Locator("#box-checkin li", new() { HasText = "委员1" });
        await person.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Assertions.Expect(person).ToContainTextAsync("已签到");
        var votes = mod.Locator("#box-votes");
        await votes.GetByText("新建表决").ClickAsync();
        await votes.GetByLabel("表决事项").FillAsync("通过加装电梯实施方案");
        await votes.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var modVote = votes.Locator(".card", new() { HasText = "通过加装电梯实施方案" });
        await modVote.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "表决" }).ClickAsync();
        var memberVote = member.Locator(".vote", new() { HasText = "通过加装电梯实施方案" });
        await Assertions.Expect(memberVote).ToContainTextAsync("应到 2 人，实到 2 人", new() { Timeout = 15_000 });
        await modVote.GetByRole(AriaRole.Button, new() { Name = "结束" }).ClickAsync();
        await Assertions.Expect(memberVote).ToContainTextAsync("赞成 0，反对 0，弃权 0");

        // Questionnaire with the builder: a mistake is named by its item, the preview follows the order.
        var box = mod.Locator("#box-questionnaires");
        await box.GetByText("新建问卷").ClickAsync();
        await box.GetByLabel("问卷标题").FillAsync("加装电梯意愿调查");
        var item1 = box.Locator("fieldset.qb-item", new() { HasText = "第1题" });
        await item1.GetByLabel("题目内容").FillAsync("您住几楼？");
        await item1.GetByLabel("第1题 选项1").FillAsync("1-3楼");
        await item1.GetByLabel("第1题 选项2").FillAsync("4楼及以上");
        await box.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).ClickAsync();
        var item2 = box.Locator("fieldset.qb-item", new() { HasText = "第2题" });
        await item2.GetByLabel("题目内容").FillAsync("您对方案满意吗？");
        await item2.GetByLabel("题型").SelectOptionAsync("Rating");
        await box.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).ClickAsync();
        var item3 = box.Locator("fieldset.qb-item", new() { HasText = "第3题" });
        await item3.GetByLabel("题目内容").FillAsync("是否愿意出资？");
        await item3.GetByLabel("第3题 选项1").FillAsync("愿意");
        await box.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(box.Locator(".form-errors")).ToContainTextAsync("第3题至少需要两个选项");
        await item3.GetByLabel("第3题 选项2").FillAsync("不愿意");
        await item3.GetByRole(AriaRole.Button, new() { Name = "上移第3题" }).ClickAsync();
        await Assertions.Expect(box.Locator("fieldset.qb-item", new() { HasText = "第2题" }).GetByLabel("题目内容")).ToHaveValueAsync("是否愿意出资？");
        await box.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(box.Locator(".qb-preview")).ToContainTextAsync("2. 是否愿意出资？");
        await BrowserFixture.ShotAsync(mod, "console-questionnaire-builder");
        await box.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var card = box.Locator(".card", new() { HasText = "加装电梯意愿调查" });
        await card.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "问卷" }).ClickAsync();
        var form = member.Locator("#room");
        await Assertions.Expect(form).ToContainTextAsync("加装电梯意愿调查", new() { Timeout = 15_000 });
        await Assertions.Expect(form).ToContainTextAsync("是否愿意出资？");
        await Assertions.Expect(form).ToContainTextAsync("您对方案满意吗？");
    }

    [Fact]
    public async Task RecordOutcome_AndGuidedEnd_LinksToTheMinutesCompile()
    {
        var session = await E2ESessions.CreateAsync();
        await using var modContext = await browser.NewContextAsync();
        await using var staffContext = await browser.NewContextAsync();
        await using var memberContext = await browser.NewContextAsync();
        var mod = await OpenConsoleAsync(modContext, session);
        var member = await OpenRoomAsync(memberContext, session, "member", "Member#2026hub");

        // Record an outcome: a second console (staff) lists it.
        var outcomes = mod.Locator("#box-outcomes");
        await outcomes.GetByLabel("类型").SelectOptionAsync("Recommendation");
        await outcomes.GetByLabel("内容").FillAsync("建立加装电梯专项资金");
        await outcomes.GetByLabel("建议承办单位").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await outcomes.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Assertions.Expect(outcomes.Locator(".outcomes")).ToContainTextAsync("建立加装电梯专项资金");
        var staff = await OpenConsoleAsync(staffContext, session, "staff", "Staff#2026hub");
        await Assertions.Expect(staff.Locator("#box-outcomes .outcomes")).ToContainTextAsync("建立加装电梯专项资金");

        // Something still open: a speaker waiting and an open poll.
        await member.GetByRole(AriaRole.Tab, new() { Name = "发言" }).ClickAsync();
        await member.GetByPlaceholder("发言主题").FillAsync("后期维保");
        await member.GetByRole(AriaRole.Button, new() { Name = "申请发言" }).ClickAsync();
        var polls = staff.Locator("#box-polls");
        await polls.GetByText("新建投票").ClickAsync();
        await polls.GetByLabel("投票题目").FillAsync("是否同意方案");
        await polls.GetByLabel("选项（每行一个）").FillAsync("同意\n不同意");
        await polls.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var openPoll = polls.Locator(".poll", new() { HasText = "是否同意方案" });
        await openPoll.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await Assertions.Expect(openPoll.GetByRole(AriaRole.Button, new() { Name = "结束" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#box-floor")).ToContainTextAsync("王建国", new() { Timeout = 15_000 });

        // The guided end: what is pending, then confirm; the room ends, the console locks and links to the compile.
        await staff.GetByRole(AriaRole.Button, new() { Name = "结束协商" }).ClickAsync();
        var dialog = staff.Locator("dialog.end-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("发言排队 1 人");
        await Assertions.Expect(dialog).ToContainTextAsync("进行中的投票：是否同意方案");
        await BrowserFixture.ShotAsync(staff, "console-end-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "结束协商" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认结束" }).ClickAsync();
        await Assertions.Expect(member.Locator("[data-bind=status]")).ToHaveTextAsync("已结束");
        var ended = staff.Locator(".ended-panel");
        await Assertions.Expect(ended).ToContainTextAsync("本次协商已结束");
        await Assertions.Expect(ended).ToContainTextAsync("协商纪要编纂");
        await Assertions.Expect(mod.Locator(".ended-panel")).ToContainTextAsync("本次协商已结束");
        await Assertions.Expect(mod.Locator("#box-polls").GetByRole(AriaRole.Button, new() { Name = "结束" })).ToBeDisabledAsync();
        await Assertions.Expect(mod.GetByRole(AriaRole.Button, new() { Name = "结束协商" })).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(staff, "console-ended");
        await ended.GetByRole(AriaRole.Link, new() { Name = "查看协商纪要编纂进度" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/Admin/Minutes/View/"));
        await Assertions.Expect(staff.Locator("#minutes-progress")).ToBeVisibleAsync();
    }
}
