using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.E2E;

/// <summary>
/// The console in a busy room: 1,900 shown and 100 queued comments, 500 questions and 50 polls in PostgreSQL, and
/// 20 new comments a second through the hub while the moderator works. Records the page's long tasks and the
/// input-to-paint time of clicks (Event Timing) into artifacts/e2e/busy-console.json; asserts that the actions work,
/// that a participant sees their effect and that the console never left the live state.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BusyConsoleTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string PerfScript = """
        window.__perf = { long: [], events: [], states: [], frames: [], messages: [] };
        // JS time of animation-frame callbacks (the console's redraws) and of hub messages (parsing and handlers).
        const raf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) => raf((t) => { const s = performance.now(); try { cb(t); } finally { window.__perf.frames.push([s, performance.now() - s]); } });
        const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage");
        Object.defineProperty(WebSocket.prototype, "onmessage", { configurable: true, get() { return onmessage.get.call(this); },
          set(fn) { onmessage.set.call(this, fn && function (ev) { const s = performance.now(); try { return fn.call(this, ev); } finally { window.__perf.messages.push([s, performance.now() - s]); } }); } });
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.long.push([e.startTime, e.duration]); })
          .observe({ type: "longtask", buffered: true });
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__perf.events.push([e.name, e.startTime, e.duration]); })
          .observe({ type: "event", durationThreshold: 16, buffered: true });
        document.addEventListener("DOMContentLoaded", () => {
          const el = document.getElementById("console");
          if (el) new MutationObserver(() => window.__perf.states.push(el.dataset.state)).observe(el, { attributes: true, attributeFilter: ["data-state"] });
        });
        """;

    private const string Summary = """
        ([from, to]) => {
          const long = window.__perf.long.filter(([s]) => s >= from && s < to).map(([, d]) => d);
          const clicks = window.__perf.events.filter(([n, s]) => s >= from && s < to && (n === "click" || n === "pointerdown" || n === "pointerup")).map(([, , d]) => d);
          const sum = (a) => a.reduce((x, y) => x + y, 0);
          const frames = window.__perf.frames.filter(([s]) => s >= from && s < to).map(([, d]) => d);
          const messages = window.__perf.messages.filter(([s]) => s >= from && s < to).map(([, d]) => d);
          return { frames: frames.length, frameJsMs: Math.round(sum(frames)), maxFrameJsMs: Math.round(Math.max(0, ...frames)),
            hubMessages: messages.length, messageJsMs: Math.round(sum(messages)), maxMessageJsMs: Math.round(Math.max(0, ...messages)),
            longTasks: long.length, longTaskMs: Math.round(sum(long)), maxLongTaskMs: Math.round(Math.max(0, ...long)),
            slowClickEvents: clicks.length, maxClickMs: Math.round(Math.max(0, ...clicks)), states: window.__perf.states.join(","),
            domNodes: document.getElementsByTagName("*").length, options: document.getElementsByTagName("option").length };
        }
        """;

    [Fact]
    public async Task BusyRoom_ConsoleLoadsAnswersClicksAndStaysLive()
    {
        // Every third streamed comment holds a sensitive word, so the queue grows while the shown list does.
        var session = await E2ESessions.CreateAsync(configure: c => c.Room.SensitiveWords = [BusyRoom.QueuedWord]);
        await BusyRoom.SeedAsync(session.Id);

        await using var memberContext = await browser.NewContextAsync();
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
        await member.GotoAsync(session.Room);
        await Assertions.Expect(member.Locator("#room")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await using var deptContext = await browser.NewContextAsync();
        await BrowserFixture.SignInAsync(await deptContext.NewPageAsync(), "department", "Dept#2026hub");
        var posters = new List<HubConnection>();
        try
        {
            await using var modContext = await browser.NewContextAsync();
            await modContext.AddInitScriptAsync(PerfScript);
            var mod = await modContext.NewPageAsync();
            await BrowserFixture.SignInAsync(mod, "moderator", "Host#2026hub");

            var load = Stopwatch.StartNew();
            await mod.GotoAsync(session.Console);
            await Assertions.Expect(mod.Locator("#console")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
            await Assertions.Expect(mod.Locator("#box-qa .question").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(mod.Locator("#box-queue li.queued").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            load.Stop();
            var loaded = await mod.EvaluateAsync<double>("performance.now()");

            posters.Add(await BusyRoom.ConnectAsync(memberContext, session.Id));
            posters.Add(await BusyRoom.ConnectAsync(deptContext, session.Id));
            posters.Add(await BusyRoom.ConnectAsync(modContext, session.Id));
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var stream = BusyRoom.StreamAsync(posters, 20, window.Token);
            var streamFrom = await mod.EvaluateAsync<double>("performance.now()");

            // Approve a queued comment: the member's room shows it.
            var approveRow = mod.Locator("#box-queue li.queued", new() { HasText = "意见第1910条" });
            var approve = Stopwatch.StartNew();
            await approveRow.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await Assertions.Expect(approveRow).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            approve.Stop();
            await Assertions.Expect(member.Locator(".feed li", new() { HasText = "意见第1910条" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            // The member's page has shown it; close it so that the figures below are the console's, not the room page's.
            await member.CloseAsync();

            // Reject another with a reason typed next to it.
            var rejectRow = mod.Locator("#box-queue li.queued", new() { HasText = "意见第1920条" });
            await rejectRow.GetByRole(AriaRole.Button, new() { Name = "不通过", Exact = true }).ClickAsync();
            await rejectRow.GetByLabel("不通过的理由（将告知发布人）").FillAsync("内容重复");
            await rejectRow.GetByRole(AriaRole.Button, new() { Name = "提交理由" }).ClickAsync();
            await Assertions.Expect(rejectRow).ToHaveCountAsync(0, new() { Timeout = 15_000 });

            // Open and close the merge picker a few times on the busiest list.
            var picker = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                var sw = Stopwatch.StartNew();
                await mod.Locator("#box-qa .question").Nth(i).GetByRole(AriaRole.Button, new() { Name = "合并到…" }).ClickAsync();
                await Assertions.Expect(mod.Locator("dialog.merge-picker")).ToBeVisibleAsync();
                picker.Add(sw.ElapsedMilliseconds);
                await mod.Locator("dialog.merge-picker").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
                await Assertions.Expect(mod.Locator("dialog.merge-picker")).ToBeHiddenAsync();
            }

            // 正在回答 on the top open questions: the row turns to "answering" (a click answered through the hub).
            var answering = new List<long>();
            for (var i = 0; i < 2; i++)
            {
                var q = mod.Locator("#box-qa .question.q-open").First;
                var text = await q.Locator(".feed-text").InnerTextAsync();
                var sw = Stopwatch.StartNew();
                await q.GetByRole(AriaRole.Button, new() { Name = "正在回答" }).ClickAsync();
                await Assertions.Expect(mod.Locator("#box-qa .question.q-answering", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 30_000 });
                answering.Add(sw.ElapsedMilliseconds);
            }

            var (sent, shown) = await stream;
            var streamTo = await mod.EvaluateAsync<double>("performance.now()");
            // The last comment the room showed at once (every third one waits in the queue, which lists the oldest first).
            Assert.NotEmpty(shown);
            var lastShown = shown.Max();
            await Assertions.Expect(mod.Locator("#box-comments .feed li", new() { HasText = $"直播中的新留言{lastShown}：" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(mod.Locator("#console")).ToHaveAttributeAsync("data-state", "live");

            var atLoad = await mod.EvaluateAsync<JsonElement>(Summary, new[] { 0, loaded });
            var inStream = await mod.EvaluateAsync<JsonElement>(Summary, new[] { streamFrom, streamTo });
            Assert.DoesNotContain("reconnecting", inStream.GetProperty("states").GetString());
            var report = new
            {
                seeded = new { shownComments = 1900, queuedComments = 100, questions = 500, polls = 50 },
                streamed = new { comments = sent, shownAtOnce = shown.Count, perSecond = 20 },
                loadToUsableMs = load.ElapsedMilliseconds, approveToRowGoneMs = approve.ElapsedMilliseconds, mergePickerOpenMs = picker, answeringToVisibleMs = answering,
                load = atLoad, stream = inStream,
            };
            var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
            output.WriteLine(json);
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDir, "busy-console.json"), json);
            await mod.SetViewportSizeAsync(1440, 900);
            await mod.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "console-busy-1440.png") });
            await mod.SetViewportSizeAsync(360, 740);
            await mod.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "console-busy-360.png") });
            await mod.Locator("#box-qa").ScrollIntoViewIfNeededAsync();
            await mod.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "console-busy-360-qa.png") });
        }
        finally
        {
            foreach (var p in posters) await p.DisposeAsync();
        }
    }
}
