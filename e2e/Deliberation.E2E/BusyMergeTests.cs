using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The merge picker in a filled room (3,800 shown comments, 200 open questions): one shared dialog opened on demand,
/// searching every question, not only the rows drawn; merging takes the source out and the asker sees the merge.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BusyMergeTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 30_000 };

    [Fact]
    public async Task FilledRoom_MergePicker_FindsAQuestionBeyondTheDrawnRows_AndMergesIntoIt()
    {
        var session = await E2ESessions.CreateAsync();
        await BusyRoom.SeedAsync(session.Id, shown: 3800, queued: 0, questions: 200, polls: 0);

        await using var modContext = await browser.NewContextAsync();
        var mod = await modContext.NewPageAsync();
        await BrowserFixture.SignInAsync(mod, "moderator", "Host#2026hub");
        await mod.GotoAsync(session.Console);
        await Assertions.Expect(mod.Locator("#console")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
        var rows = mod.Locator("#box-qa .question");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(Long);
        // While the console is open, the member asks a question with no votes yet: it reaches the console as an event
        // but is not among its most-voted rows (the console's snapshot holds the 200 most-voted questions).
        await using var memberContext = await browser.NewContextAsync();
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync(session.Room);
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await member.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        await member.GetByPlaceholder("向部门提问（300字以内）").FillAsync("旧楼加装电梯的补贴标准是多少？");
        await member.GetByRole(AriaRole.Button, new() { Name = "提问" }).Last.ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "按时间" }).ClickAsync();
        var mine = member.Locator("#panel-questions .question", new() { HasText = "旧楼加装电梯的补贴标准" });
        await Assertions.Expect(mine.First).ToBeVisibleAsync(Long);

        await Assertions.Expect(mod.Locator("#box-qa .question", new() { HasText = "旧楼加装电梯的补贴标准" })).ToHaveCountAsync(0);
        // No per-row drop-down of every other question.
        Assert.Equal(0, await mod.Locator("#box-qa option").CountAsync());

        // The top open row is the source; the picker lists a bounded number of candidates until a search narrows them.
        var source = mod.Locator("#box-qa .question.q-open").First;
        var sourceText = await source.Locator(".feed-text").InnerTextAsync();
        await source.GetByRole(AriaRole.Button, new() { Name = "合并到…" }).ClickAsync();
        var picker = mod.Locator("dialog.merge-picker");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator(".merge-source")).ToHaveTextAsync(sourceText);
        await Assertions.Expect(picker).ToContainTextAsync("显示前 30 个");
        Assert.Equal(30, await picker.Locator(".merge-target").CountAsync());
        await Assertions.Expect(picker.Locator(".merge-target", new() { HasText = sourceText })).ToHaveCountAsync(0);

        await picker.GetByRole(AriaRole.Searchbox).FillAsync("补贴标准");
        await Assertions.Expect(picker.Locator(".merge-target")).ToHaveCountAsync(1);
        await picker.GetByRole(AriaRole.Button, new() { Name = "旧楼加装电梯的补贴标准" }).ClickAsync();
        await Assertions.Expect(picker).ToBeHiddenAsync();

        // The source leaves the console's list; the asker's question now counts the merged one.
        await Assertions.Expect(mod.Locator("#box-qa .question", new() { HasText = sourceText })).ToHaveCountAsync(0);
        await Assertions.Expect(mine.First).ToContainTextAsync("合并了 1 个相同问题");
        await Assertions.Expect(mod.Locator("#console")).ToHaveAttributeAsync("data-state", "live");
    }
}
