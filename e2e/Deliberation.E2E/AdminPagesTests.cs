using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Deliberation.E2E;

[Collection(BrowserCollection.Name)]
public class AdminPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_OpensMembersAndParticipants_AndChecksSomeoneIn_OnDesktopAndPhone()
    {
        foreach (var phone in new[] { false, true })
        {
            var size = phone ? "phone" : "desktop";
            await using var context = await browser.NewContextAsync(phone);
            var page = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(page, "staff", "Staff#2026hub");

            await page.GotoAsync("/Admin/Members");
            await Assertions.Expect(page.GetByText(new Regex(@"^共\d+名委员$"))).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
            await BrowserFixture.ShotAsync(page, $"admin-members-{size}");

            await page.GotoAsync("/Admin/Sessions");
            await page.GetByRole(AriaRole.Link, new() { Name = "破解“上下楼难”" }).ClickAsync();
            await page.Locator(".subnav").GetByRole(AriaRole.Link, new() { Name = "参加人员" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "参加人员" })).ToBeVisibleAsync();

            var checkIn = new PageGetByRoleOptions { NameRegex = new Regex("^签到：") };
            var row = page.Locator("#tier-Member tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Button, checkIn) }).First;
            var rowId = await row.GetAttributeAsync("id");
            await row.GetByRole(AriaRole.Button, new() { NameRegex = checkIn.NameRegex }).ClickAsync();
            await Assertions.Expect(page.Locator($"[id='{rowId}']")).ToContainTextAsync("已签到");
            await Assertions.Expect(page.Locator($"[id='{rowId}']").GetByRole(AriaRole.Button, new() { Name = "撤销签到" })).ToBeVisibleAsync();
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await BrowserFixture.ShotAsync(page, $"admin-participants-{size}");
        }
    }
}
