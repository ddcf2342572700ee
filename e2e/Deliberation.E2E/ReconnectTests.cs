using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The network drops while the room is busy: the page says so at once, what the person writes waits (and says
/// so), and when the network is back every comment is there exactly once, in order, and the waiting one is sent once.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReconnectTests(BrowserFixture browser)
{
    // "Within a few seconds" on a loaded two-core box: the page reacts to the browser's offline event, not a timeout.
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 5000 };

    [Fact]
    public async Task AViewerOfflineWhileCommentsFlow_SeesReconnecting_QueuesTheirComment_AndGetsEveryCommentOnceInOrder()
    {
        var session = await E2ESessions.CreateAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var posterContext = await browser.NewContextAsync();
        var poster = await posterContext.NewPageAsync();
        await BrowserFixture.SignInAsync(poster, "member", "Member#2026hub");
        await poster.GotoAsync(session.Room);
        await Assertions.Expect(poster.Locator("#room")).ToHaveAttributeAsync("data-state", "live");

        await using var awayContext = await browser.NewContextAsync(phone: true);
        var away = await awayContext.NewPageAsync();
        await BrowserFixture.SignInAsync(away, "department", "Dept#2026hub");
        await away.GotoAsync(session.Room);
        await Assertions.Expect(away.Locator("#room")).ToHaveAttributeAsync("data-state", "live");

        await PostAsync(poster, $"{tag}-第1条");
        await Assertions.Expect(Feed(away, $"{tag}-第1条")).ToHaveCountAsync(1);

        await awayContext.SetOfflineAsync(true);
        var banner = away.Locator("[data-bind=reconnecting]");
        await Assertions.Expect(banner).ToBeVisibleAsync(Soon);
        await Assertions.Expect(banner).ToContainTextAsync("正在重新连接");
        await Assertions.Expect(away.Locator("#room")).ToHaveAttributeAsync("data-state", "reconnecting");

        // Written while offline: it waits, the banner counts it, and the text stays in the box.
        var queued = $"{tag}-离线时写的";
        var box = away.GetByPlaceholder("说说您的意见建议（500字以内）");
        await box.FillAsync(queued);
        await away.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(banner).ToContainTextAsync("有1条待发送");
        await Assertions.Expect(away.Locator("#room")).ToHaveAttributeAsync("data-queued", "1");
        await Assertions.Expect(box).ToHaveValueAsync(queued);

        for (var i = 2; i <= 4; i++) await PostAsync(poster, $"{tag}-第{i}条");
        await Assertions.Expect(Feed(poster, queued)).ToHaveCountAsync(0); // not sent while offline

        await awayContext.SetOfflineAsync(false);
        await Assertions.Expect(away.Locator("#room")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15000 });
        await Assertions.Expect(banner).ToBeHiddenAsync();
        await Assertions.Expect(away.Locator("#room")).ToHaveAttributeAsync("data-queued", "0");
        await Assertions.Expect(box).ToHaveValueAsync("");

        // Every comment exactly once, on both pages; the feed shows newest first, the queued one last sent.
        string[] expected = [queued, $"{tag}-第4条", $"{tag}-第3条", $"{tag}-第2条", $"{tag}-第1条"];
        foreach (var page in new[] { away, poster })
        {
            foreach (var text in expected) await Assertions.Expect(Feed(page, text)).ToHaveCountAsync(1);
            var shown = (await page.Locator(".feed li .feed-text").AllInnerTextsAsync()).Where(t => t.StartsWith(tag, StringComparison.Ordinal));
            Assert.Equal(expected, shown);
        }
        await using var db = E2ESessions.NewDb();
        Assert.Equal(1, await db.Comments.CountAsync(c => c.ConsultationId == session.Id && c.Text == queued));
    }

    [Fact]
    public async Task TheConsoleAndTheBigScreen_ShowReconnectingAtOnce_AndComeBackLive()
    {
        var session = await E2ESessions.CreateAsync();
        await using var context = await browser.NewContextAsync();
        var console = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(console, "moderator", "Host#2026hub");
        await console.GotoAsync(session.Console);
        var screen = await context.NewPageAsync();
        await screen.GotoAsync(session.Screen);
        await Assertions.Expect(console.Locator("#console")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-state", "live");

        await context.SetOfflineAsync(true);
        await Assertions.Expect(console.Locator("[data-bind=reconnecting]")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(screen.Locator("[data-bind=reconnecting]")).ToBeVisibleAsync(Soon);

        await context.SetOfflineAsync(false);
        await Assertions.Expect(console.Locator("#console")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15000 });
        await Assertions.Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15000 });
        await Assertions.Expect(console.Locator("[data-bind=reconnecting]")).ToBeHiddenAsync();
        await Assertions.Expect(screen.Locator("[data-bind=reconnecting]")).ToBeHiddenAsync();
    }

    private static ILocator Feed(IPage page, string text) => page.Locator(".feed li", new() { HasText = text });

    /// <summary>Posts through the composer and waits until the poster's own feed shows it (so posts keep their order).</summary>
    private static async Task PostAsync(IPage page, string text)
    {
        await page.GetByPlaceholder("说说您的意见建议（500字以内）").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(Feed(page, text)).ToHaveCountAsync(1);
    }
}
