using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The public and live pages pass axe-core with no serious or critical violation, on desktop and phone. The
/// minutes pages are checked in <see cref="MinutesTests"/>, which publishes minutes first.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task PublicPages_HomeSessionRoomAndProgressBoard_PassAxe_OnPhoneAndDesktop()
    {
        var session = await E2ESessions.CreateAsync();
        foreach (var phone in new[] { true, false })
        {
            var size = phone ? "phone" : "desktop";
            await using var context = await browser.NewContextAsync(phone);
            var page = await context.NewPageAsync();

            await page.GotoAsync("/");
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"home-{size}");

            await page.GotoAsync(session.Detail);
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"session-{size}");

            await page.GotoAsync(session.Room);
            await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"room-{size}");

            await page.GotoAsync("/progress");
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"progress-{size}");
        }
    }

    [Fact]
    public async Task ModeratorPages_ConsoleAndBigScreen_PassAxe()
    {
        var session = await E2ESessions.CreateAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "moderator", "Host#2026hub");

        await page.GotoAsync(session.Console);
        await Assertions.Expect(page.Locator("#console")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "结束协商" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "console-desktop");

        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync(session.Screen);
        await Assertions.Expect(page.Locator("#screen")).ToHaveAttributeAsync("data-state", "live");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "screen");

        await using var signedIn = await browser.NewContextAsync(phone: true);
        var member = await signedIn.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync(session.Room);
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        await Accessibility.AssertNoSeriousViolationsAsync(member, "room-member-phone");
    }
}
