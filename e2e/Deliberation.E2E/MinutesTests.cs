using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The minutes path on the demo data: staff end the live demo session, watch the draft compile, edit a line and
/// submit it; the leader signs on a phone; staff publish and download Word and PDF. Needs a fresh demo database
/// (it ends "老旧小区加装电梯（第一场）").
/// </summary>
[Collection(BrowserCollection.Name)]
public class MinutesTests(BrowserFixture browser)
{
    private const string Session = "老旧小区加装电梯（第一场）";

    [Fact]
    public async Task Staff_EndsTheSession_WatchesTheCompile_EditsALine_LeaderSigns_AndStaffDownloadWordAndPdf()
    {
        await using var staffContext = await browser.NewContextAsync();
        var page = await staffContext.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff", "Staff#2026hub");

        await page.GotoAsync("/Admin/Sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = Session }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "结束协商" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "协商纪要", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Admin/Minutes/View/"));
        var minutesUrl = page.Url;

        var progress = page.Locator("#minutes-progress");
        await Assertions.Expect(progress.Locator("[role=progressbar]")).ToBeVisibleAsync();
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(progress.Locator("[data-role=text]")).ToHaveTextAsync("编纂完成");
        await Assertions.Expect(progress.Locator("[data-role=pct]")).ToHaveTextAsync("100%");
        var doc = page.Locator("article.minutes-doc");
        await Assertions.Expect(doc.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("关于“老旧小区加装电梯（第一场）”的协商纪要", new() { Timeout = 15_000 });
        await Assertions.Expect(doc).ToContainTextAsync("建议承办单位：市财政局");
        await Assertions.Expect(doc).Not.ToContainTextAsync("某某物业就是骗子");
        await BrowserFixture.ShotAsync(page, "minutes-draft-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑", Exact = true }).ClickAsync();
        var editor = page.GetByLabel("Markdown");
        var text = await editor.InputValueAsync();
        await editor.FillAsync(text.Replace("三个月后组织委员", "三个月后由市政协领导带队组织委员"));
        await Assertions.Expect(page.Locator("#minutes-preview")).ToContainTextAsync("由市政协领导带队");
        await page.GetByLabel("修改说明").FillAsync("明确回头看的组织方式");
        await BrowserFixture.ShotAsync(page, "minutes-editor-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("已保存为第2版");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.Locator("#minutes-status")).ToHaveTextAsync("审核中");

        await using (var leaderContext = await browser.NewContextAsync(phone: true))
        {
            var leader = await leaderContext.NewPageAsync();
            await BrowserFixture.SignInAsync(leader, "leader", "Leader#2026hub");
            await leader.GotoAsync(minutesUrl);
            await Assertions.Expect(leader.Locator("article.minutes-doc")).ToContainTextAsync("由市政协领导带队");
            await leader.GetByRole(AriaRole.Button, new() { Name = "签发" }).ClickAsync();
            await Assertions.Expect(leader.Locator("#minutes-status")).ToHaveTextAsync("已签发");
            await BrowserFixture.ShotAsync(leader, "minutes-signed-phone");
        }

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#minutes-status")).ToHaveTextAsync("已发布");
        await BrowserFixture.ShotAsync(page, "minutes-published-desktop");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "minutes-review-desktop");

        foreach (var (label, ext, magic) in new[] { ("Word文档", "docx", "PK"), ("PDF", "pdf", "%PDF") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".download-row").GetByRole(AriaRole.Link, new() { Name = label }).ClickAsync());
            Assert.EndsWith("." + ext, download.SuggestedFilename);
            var path = Path.Combine(BrowserFixture.ArtifactsDir, "minutes." + ext);
            await download.SaveAsAsync(path);
            var head = new byte[magic.Length];
            await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head);
            Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(head));
        }

        await using var publicContext = await browser.NewContextAsync(phone: true);
        var visitor = await publicContext.NewPageAsync();
        var sessionId = await page.Locator("nav.subnav a[href^='/Admin/Sessions/Edit/']").GetAttributeAsync("href");
        await visitor.GotoAsync("/minutes/" + sessionId!.Split('/').Last());
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("协商纪要");
        await Assertions.Expect(visitor.Locator("article.minutes-doc a[href^='/admin/']")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(visitor, "minutes-public-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor, "minutes-public-phone");
    }
}
