using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The follow-up loop in the browser, on a fresh item each run: staff record and assign a recommendation, the
/// department replies, the member rates 不满意, it goes back for 再办理, the second reply is rated 满意, and the public
/// board shows it closed with its whole timeline. The department's bell updates live while this happens.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FollowUpTests(BrowserFixture browser)
{
    private const string Session = "优化营商环境 助力民营经济发展";

    [Fact]
    public async Task FollowUp_StaffAssigns_DepartmentReplies_MemberRatesTwice_BoardShowsItClosed()
    {
        var title = $"涉企收费清理 {DateTime.UtcNow:MMddHHmmss}";

        await using var deptContext = await browser.NewContextAsync(phone: true);
        var dept = await deptContext.NewPageAsync();
        await BrowserFixture.SignInAsync(dept, "department", "Dept#2026hub");
        await dept.GotoAsync("/Workspace");
        await Assertions.Expect(dept.Locator("html")).ToHaveAttributeAsync("data-notifications", "live");
        var unreadBefore = await UnreadAsync(dept);

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserFixture.SignInAsync(staff, "staff", "Staff#2026hub");
        await staff.GotoAsync("/Admin/FollowUp/Create");
        await staff.GetByLabel("建议内容").FillAsync("建议全面清理涉企违规收费，建立收费目录清单并向社会公开，接受企业监督。");
        await staff.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await staff.GetByLabel("协商活动").SelectOptionAsync(new SelectOptionValue { Label = Session });
        await staff.GetByLabel("建议序号").FillAsync("6");
        await staff.GetByLabel("提议人").FillAsync("王建国");
        await staff.GetByLabel("建议承办单位").SelectOptionAsync(new SelectOptionValue { Label = "市住房和城乡建设局" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "报送领导" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash")).ToContainTextAsync("已报送领导");
        await Assertions.Expect(staff.GetByLabel("主办单位")).ToHaveValueAsync(await OptionValueAsync(staff, "市住房和城乡建设局"));
        await BrowserFixture.ShotAsync(staff, "followup-staff-assign");
        await staff.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash")).ToContainTextAsync("已交办");

        // The department's bell counts the assignment without a reload.
        await Assertions.Expect(dept.Locator("[data-bell] [data-unread]")).ToHaveTextAsync((unreadBefore + 1).ToString());
        await Assertions.Expect(dept.Locator("[data-toast]")).ToContainTextAsync(title);
        await BrowserFixture.ShotAsync(dept, "followup-dept-bell-phone");

        await dept.GotoAsync("/Workspace/Department");
        await dept.Locator(".fu-card", new() { HasText = title }).ClickAsync();
        await dept.GetByRole(AriaRole.Button, new() { Name = "签收办理" }).ClickAsync();
        await Assertions.Expect(dept.Locator(".flash")).ToContainTextAsync("已签收");
        await ReplyAsync(dept, "经研究，已在住建领域开展涉企收费专项清理，取消收费项目3项。");

        await using var memberContext = await browser.NewContextAsync(phone: true);
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync("/Workspace/Mine");
        await member.Locator(".fu-card", new() { HasText = title }).ClickAsync();
        await RateAsync(member, "不满意", "只清理了住建领域，其他部门的收费没有涉及。");
        await Assertions.Expect(member.Locator(".flash")).ToContainTextAsync("重新办理");
        await Assertions.Expect(member.Locator(".fu-item .card-tags")).ToContainTextAsync("办理中");

        await dept.ReloadAsync();
        await Assertions.Expect(dept.Locator(".fu-item .card-tags")).ToContainTextAsync("第2轮办理");
        await ReplyAsync(dept, "已会同市发改委、市财政局完成全市涉企收费清理，公布收费目录清单28项，取消或降低收费12项。");

        await member.ReloadAsync();
        await RateAsync(member, "满意", null);
        await Assertions.Expect(member.Locator(".flash")).ToContainTextAsync("感谢您的测评");

        await using var publicContext = await browser.NewContextAsync(phone: true);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync("/progress?status=Closed");
        await BrowserFixture.ShotAsync(visitor, "followup-board-phone");
        await visitor.Locator(".fu-card", new() { HasText = title }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".fu-item .card-tags")).ToContainTextAsync("已办结");
        var timeline = visitor.Locator(".timeline");
        foreach (var step in new[] { "录入", "报送领导", "交办", "承办单位签收", "正式答复", "满意度测评", "再办理", "办结" })
        {
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        }
        await Assertions.Expect(visitor.Locator(".reply")).ToHaveCountAsync(2);
        await Assertions.Expect(visitor.GetByText("其他部门的收费没有涉及")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(visitor, "followup-detail-phone");

        await staff.GotoAsync(visitor.Url.Replace(BrowserFixture.BaseUrl, ""));
        await BrowserFixture.ShotAsync(staff, "followup-detail-desktop");
    }

    [Fact]
    public async Task FollowUp_StaffDashboard_AndDepartmentInbox_RenderOnDesktopAndPhone()
    {
        foreach (var phone in new[] { false, true })
        {
            await using var context = await browser.NewContextAsync(phone);
            var staff = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(staff, "staff", "Staff#2026hub");
            await staff.GotoAsync("/Admin/FollowUp/Stats");
            await Assertions.Expect(staff.Locator("svg.chart").First).ToBeVisibleAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "各承办单位满意度" })).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(staff, phone ? "followup-stats-phone" : "followup-stats-desktop");
            await staff.GotoAsync("/Admin/FollowUp");
            await BrowserFixture.ShotAsync(staff, phone ? "followup-admin-list-phone" : "followup-admin-list-desktop");
        }
        await using var deptContext = await browser.NewContextAsync(phone: true);
        var dept = await deptContext.NewPageAsync();
        await BrowserFixture.SignInAsync(dept, "department", "Dept#2026hub");
        await dept.GotoAsync("/Workspace/Department");
        await Assertions.Expect(dept.Locator(".fu-card.is-overdue").First).ToBeVisibleAsync();
        await Assertions.Expect(dept.GetByText("部分小微企业反映融资担保费率偏高")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(dept, "followup-dept-inbox-phone");
    }

    private static async Task ReplyAsync(IPage dept, string text)
    {
        await dept.Locator("summary", new() { HasText = "提交正式答复" }).ClickAsync();
        await dept.GetByLabel("沟通方式").SelectOptionAsync(new SelectOptionValue { Label = "电话沟通" });
        await dept.GetByLabel("提议人意见").FillAsync("已电话联系王建国委员，委员认可办理思路。");
        await dept.GetByLabel("答复正文").FillAsync(text);
        await BrowserFixture.ShotAsync(dept, "followup-dept-reply-phone");
        await dept.GetByRole(AriaRole.Button, new() { Name = "提交正式答复" }).ClickAsync();
        await Assertions.Expect(dept.Locator(".flash")).ToContainTextAsync("答复已提交");
    }

    private static async Task RateAsync(IPage member, string verdict, string? comment)
    {
        var overall = member.Locator("fieldset", new() { HasText = "总体评价" });
        await overall.GetByText(verdict, new() { Exact = true }).ClickAsync();
        if (comment is not null) await member.GetByLabel("意见和建议").FillAsync(comment);
        await BrowserFixture.ShotAsync(member, $"followup-member-rate-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "提交测评" }).ClickAsync();
    }

    private static async Task<int> UnreadAsync(IPage page)
    {
        var badge = page.Locator("[data-bell] [data-unread]");
        return await badge.IsHiddenAsync() ? 0 : int.Parse((await badge.InnerTextAsync()).Trim());
    }

    private static async Task<string> OptionValueAsync(IPage page, string label) =>
        (await page.Locator("option", new() { HasText = label }).First.GetAttributeAsync("value"))!;
}
