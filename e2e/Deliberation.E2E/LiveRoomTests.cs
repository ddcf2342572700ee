using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>The demo session run end to end in three browsers: moderator console, a member, a public viewer on a phone, and the big screen.</summary>
[Collection(BrowserCollection.Name)]
public class LiveRoomTests(BrowserFixture browser)
{
    private const string DemoTitle = "破解“上下楼难”";

    [Fact]
    public async Task ModeratorMemberAndPublic_RunTheDemoSession()
    {
        var tag = Guid.NewGuid().ToString("N")[..4]; // lets the test run again on the same database
        await using var modContext = await browser.NewContextAsync();
        var mod = await modContext.NewPageAsync();
        await BrowserFixture.SignInAsync(mod, "moderator", "Host#2026hub");
        await mod.Locator(".session-card a", new() { HasText = DemoTitle }).ClickAsync();
        var sessionUrl = mod.Url;
        await mod.GetByRole(AriaRole.Link, new() { Name = "进入主持人控制台" }).ClickAsync();
        await Assertions.Expect(mod.Locator("#console")).ToHaveAttributeAsync("data-state", "live");
        var goLive = mod.GetByRole(AriaRole.Button, new() { Name = "开始直播" });
        var end = mod.GetByRole(AriaRole.Button, new() { Name = "结束协商" });
        // The session box draws once the console state has loaded; a session already live shows "结束协商" instead.
        await Assertions.Expect(goLive.Or(end)).ToBeVisibleAsync();
        if (await goLive.IsVisibleAsync()) await goLive.ClickAsync();
        await BrowserFixture.ShotAsync(mod, "room-console-start");
        await Assertions.Expect(mod.Locator("[data-bind=status]")).ToHaveTextAsync("直播中");

        await using var memberContext = await browser.NewContextAsync();
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync(new Uri(sessionUrl).AbsolutePath + "/room");
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live");

        await using var publicContext = await browser.NewContextAsync(phone: true);
        var viewer = await publicContext.NewPageAsync();
        await viewer.GotoAsync(new Uri(sessionUrl).AbsolutePath + "/room");
        await Assertions.Expect(viewer.Locator("#room")).ToHaveAttributeAsync("data-state", "live");

        // A public comment waits for the moderator, then appears for everyone; markup in it stays text.
        // The visitor watches without a name; the name is asked when they first post.
        var comment = $"希望低层住户也能得到合理补偿{tag} <img src=x onerror=alert(1)>";
        await viewer.GetByPlaceholder("说说您的意见建议（500字以内）").FillAsync(comment);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await viewer.GetByLabel("昵称").FillAsync("六楼的张阿姨");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(viewer.GetByText("审核通过后显示")).ToBeVisibleAsync();
        var queued = mod.Locator("#box-queue li", new() { HasText = "合理补偿" + tag });
        await Assertions.Expect(queued).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "合理补偿" + tag })).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(mod, "room-console-queue");
        await queued.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".feed li", new() { HasText = "合理补偿" + tag })).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator(".feed li", new() { HasText = "合理补偿" + tag })).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await viewer.Locator(".feed img").CountAsync());

        // A poll's chart updates as votes arrive.
        await mod.GetByText("新建投票").ClickAsync();
        await mod.GetByLabel("投票题目").FillAsync($"加装电梯费用如何分摊{tag}？");
        await mod.GetByLabel("选项（每行一个）").FillAsync("按楼层分摊\n平均分摊\n政府补贴为主");
        await mod.Locator("#box-polls").GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var modPoll = mod.Locator("#box-polls .poll", new() { HasText = tag });
        await modPoll.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "投票" }).ClickAsync();
        var memberPoll = member.Locator(".poll", new() { HasText = tag });
        await memberPoll.GetByRole(AriaRole.Radio, new() { Name = "按楼层分摊" }).CheckAsync();
        await memberPoll.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(modPoll).ToContainTextAsync("1 人参与");
        await viewer.GetByRole(AriaRole.Tab, new() { Name = "投票" }).ClickAsync();
        var viewerPoll = viewer.Locator(".poll", new() { HasText = tag });
        await viewerPoll.GetByRole(AriaRole.Radio, new() { Name = "政府补贴为主" }).CheckAsync();
        await viewerPoll.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(modPoll).ToContainTextAsync("2 人参与");
        await Assertions.Expect(viewerPoll.Locator(".poll-results")).ToContainTextAsync("2 人参与");
        await BrowserFixture.ShotAsync(viewer, "room-phone-poll");

        // A question is upvoted, answered, and the asker sees "已回答".
        await viewer.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        await viewer.GetByPlaceholder("向部门提问（300字以内）").FillAsync($"审批流程能不能再简化{tag}？");
        // The public wait 3 s between posts (the room's rule); the comment above may be that recent.
        await viewer.WaitForTimeoutAsync(3000);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "提问" }).Last.ClickAsync();
        await Assertions.Expect(viewer.GetByText("您的提问已提交，审核通过后显示")).ToBeVisibleAsync();
        var modQueueQuestion = mod.Locator("#box-queue .queued", new() { HasText = "审批流程能不能再简化" + tag });
        await modQueueQuestion.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        await member.Locator(".question", new() { HasText = "审批流程能不能再简化" + tag }).GetByRole(AriaRole.Button, new() { Name = "赞同" }).ClickAsync();
        await Assertions.Expect(mod.Locator("#box-qa .question", new() { HasText = "审批流程能不能再简化" + tag }).Locator(".q-votes")).ToHaveTextAsync("1");
        var modQuestion = mod.Locator("#box-qa .question", new() { HasText = "审批流程能不能再简化" + tag });
        await modQuestion.GetByPlaceholder("回答人（如：市住建局 李文斌）").FillAsync("市住建局 李文斌");
        await modQuestion.GetByPlaceholder("回答要点").FillAsync("实行并联审批，20个工作日办结");
        await modQuestion.GetByRole(AriaRole.Button, new() { Name = "记录回答" }).ClickAsync();
        var mine = viewer.Locator(".question.mine", new() { HasText = "审批流程能不能再简化" + tag });
        await Assertions.Expect(mine).ToContainTextAsync("已回答");
        await Assertions.Expect(mine).ToContainTextAsync("市住建局 李文斌");
        await BrowserFixture.ShotAsync(viewer, "room-phone-answered");

        // The big screen shows the speaker's countdown.
        var screen = await modContext.NewPageAsync();
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync(new Uri(sessionUrl).AbsolutePath + "/screen");
        var endEarlier = mod.Locator("#box-floor").GetByRole(AriaRole.Button, new() { Name = "结束发言" });
        if (await endEarlier.IsVisibleAsync()) await endEarlier.ClickAsync(); // a previous run on the same database
        await member.GetByRole(AriaRole.Tab, new() { Name = "发言" }).ClickAsync();
        await member.GetByPlaceholder("发言主题").FillAsync("资金筹措的几点建议");
        await member.GetByRole(AriaRole.Button, new() { Name = "申请发言" }).ClickAsync();
        await mod.Locator("#box-floor").GetByRole(AriaRole.Button, new() { Name = "请发言" }).ClickAsync();
        await Assertions.Expect(screen.Locator(".timer")).ToContainTextAsync("剩余 4:");
        await Assertions.Expect(screen.Locator(".speaker-name")).ToContainTextAsync("王建国");
        await Assertions.Expect(screen.Locator(".screen-poll")).ToContainTextAsync("加装电梯费用如何分摊");
        await BrowserFixture.ShotAsync(screen, "room-big-screen");
        await BrowserFixture.ShotAsync(mod, "room-console");
        await BrowserFixture.ShotAsync(member, "room-member-desktop");
    }
}
