using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>The stand-alone questionnaire page builds with the same form as the console; the public fills it by link.</summary>
[Collection(BrowserCollection.Name)]
public class QuestionnaireAdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_BuildsAQuestionnaireWithTheForm_AndThePublicSeesItByLink()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var staffContext = await browser.NewContextAsync();
        var page = await staffContext.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "staff", "Staff#2026hub");
        await page.GotoAsync("/Admin/Questionnaires");
        var form = page.Locator("form[data-questionnaire-form]");
        await form.GetByLabel("问卷标题").FillAsync($"电梯使用情况调查{tag}");
        await form.Locator("#Input_StartsAt").FillAsync("2026-01-01T08:00");
        var item1 = form.Locator("fieldset.qb-item", new() { HasText = "第1题" });
        await item1.GetByLabel("题目内容").FillAsync("您多久使用一次电梯？");
        await item1.GetByLabel("第1题 选项1").FillAsync("每天");
        await form.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).ClickAsync();
        var item2 = form.Locator("fieldset.qb-item", new() { HasText = "第2题" });
        await item2.GetByLabel("题型").SelectOptionAsync("Text");
        await item2.GetByLabel("题目内容").FillAsync("还有什么建议？");
        await item2.GetByLabel("必答").UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "发布问卷" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-builder-errors]")).ToContainTextAsync("第1题至少需要两个选项");
        await item1.GetByLabel("第1题 选项2").FillAsync("偶尔");
        await form.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(form.Locator(".qb-preview")).ToContainTextAsync("2. 还有什么建议？");
        await BrowserFixture.ShotAsync(page, "admin-questionnaire-builder");
        await form.GetByRole(AriaRole.Button, new() { Name = "发布问卷" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Admin/Questionnaires/[0-9a-f-]{36}$"));
        var link = await page.Locator("a[href^='/q/']").GetAttributeAsync("href");

        await using var publicContext = await browser.NewContextAsync(phone: true);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(link!);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = $"电梯使用情况调查{tag}" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("fieldset.q-item").First).ToContainTextAsync("1. 您多久使用一次电梯？");
        await Assertions.Expect(visitor.GetByLabel("偶尔")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("fieldset.q-item").Nth(1)).ToContainTextAsync("2. 还有什么建议？");
    }
}
