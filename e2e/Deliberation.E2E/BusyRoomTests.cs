using System.Diagnostics;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The participant room in a busy session: 2,000 comments and 500 questions already there, then 20 new comments a
/// second. The room draws a capped list, keeps the items it already drew (only new ones are built), and still
/// answers a tap at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BusyRoomTests(BrowserFixture browser)
{
    private static async Task SeedAsync(E2ESession s)
    {
        await using var db = E2ESessions.NewDb();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < 2000; i++)
        {
            db.Comments.Add(new Comment
            {
                ConsultationId = s.Id, AuthorKey = $"v:{i:x32}", AuthorName = $"网友{i}", Tier = ParticipantTier.Public,
                Text = $"历史留言第{i}条：关于加装电梯的意见。", Status = CommentStatus.Approved, CreatedAt = start.AddSeconds(i),
            });
        }
        for (var i = 0; i < 500; i++)
        {
            db.Questions.Add(new Question
            {
                ConsultationId = s.Id, AuthorKey = $"v:{i:x32}", AuthorName = $"网友{i}", Tier = ParticipantTier.Public,
                Text = $"历史提问第{i}条？", Status = QuestionStatus.Open, Votes = i % 17, CreatedAt = start.AddSeconds(i),
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A live connection of a signed-in account, from the cookies of a browser context that signed in.</summary>
    private static async Task<HubConnection> PosterAsync(IBrowserContext signedIn, E2ESession s)
    {
        var cookies = string.Join("; ", (await signedIn.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(BrowserFixture.BaseUrl), "/hubs/room"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = cookies;
            })
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync<object>("Join", new { roomId = s.Id, roomCode = (string?)null, lastSeq = (long?)null, screen = false });
        return connection;
    }

    [Fact]
    public async Task BusyRoom_DrawsOnlyWhatChanged_AndAnswersTapsAtOnce()
    {
        var s = await E2ESessions.CreateAsync();
        await SeedAsync(s);
        var posters = new List<HubConnection>();
        foreach (var (user, password) in new[] { ("moderator", "Host#2026hub"), ("department", "Dept#2026hub") })
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(page, user, password);
            posters.Add(await PosterAsync(context, s));
        }

        await using var memberContext = await browser.NewContextAsync();
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync(s.Room);
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        // The snapshot brings the last 100 comments; the list is capped and offers more.
        await Assertions.Expect(member.Locator(".feed > li")).ToHaveCountAsync(100);
        var keep = await member.Locator(".feed > li").Nth(5).GetAttributeAsync("data-key");
        await member.EvaluateAsync($$"""
            () => {
              window.__kept = document.querySelector('.feed > li[data-key="{{keep}}"]');
              window.__added = 0;
              new MutationObserver((list) => list.forEach((m) => (window.__added += m.addedNodes.length)))
                .observe(document.querySelector('.feed'), { childList: true });
            }
            """);

        // 20 comments a second for three seconds, from two accounts (each within its own call budget).
        var tag = Guid.NewGuid().ToString("N")[..4];
        var clock = Stopwatch.StartNew();
        var sending = Task.WhenAll(posters.Select((p, n) => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await p.InvokeAsync<object>("PostComment", $"直播留言{tag}-{n}-{i}");
                var due = TimeSpan.FromMilliseconds(100 * (i + 1));
                if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            }
        })));

        // While they stream in, a tap on a tab is answered within the next frame or two.
        var taps = new List<double>();
        await Assertions.Expect(member.Locator(".feed > li", new() { HasText = $"直播留言{tag}" }).First).ToBeVisibleAsync();
        for (var i = 0; i < 8; i++)
        {
            taps.Add(await member.EvaluateAsync<double>("""
                async (tab) => {
                  const t0 = performance.now();
                  document.querySelector(`[data-tab="${tab}"]`).click();
                  await new Promise((r) => requestAnimationFrame(() => r()));
                  return performance.now() - t0;
                }
                """, i % 2 == 0 ? "questions" : "comments"));
        }
        await sending;
        foreach (var p in posters) await p.DisposeAsync();

        await Assertions.Expect(member.Locator(".feed > li", new() { HasText = $"直播留言{tag}-1-29" })).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator(".feed > li", new() { HasText = $"直播留言{tag}-0-29" })).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(member.Locator(".feed > li")).ToHaveCountAsync(100);
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "更多（还有 60 条）" })).ToBeVisibleAsync();
        // The items drawn before the stream are the same elements: nothing was rebuilt, only added and dropped.
        Assert.True(await member.EvaluateAsync<bool>($"() => window.__kept === document.querySelector('.feed > li[data-key=\"{keep}\"]')"),
            "an unchanged comment was rebuilt");
        var added = await member.EvaluateAsync<int>("() => window.__added");
        Assert.True(added <= 70, $"{added} list items were inserted for 60 new comments");
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDir, "busy-room-taps.txt"),
            $"tap to next frame (ms): {string.Join(", ", taps.Select(t => $"{t:0}"))}; list items inserted: {added}\n");
        var sorted = taps.Order().ToList();
        Assert.True(sorted[sorted.Count / 2] < 100, $"taps took {string.Join(", ", taps.Select(t => $"{t:0}"))} ms");

        await member.GetByRole(AriaRole.Button, new() { Name = "更多（还有 60 条）" }).ClickAsync();
        await Assertions.Expect(member.Locator(".feed > li")).ToHaveCountAsync(160);
        await member.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
        await Assertions.Expect(member.Locator("#panel-questions .questions:not(.mine-list) > li")).ToHaveCountAsync(100);
        await BrowserFixture.ShotAsync(member, "busy-room-questions");
    }
}
