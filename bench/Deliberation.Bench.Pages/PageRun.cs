using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Deliberation.Bench.Pages;

/// <summary>How one page behaved: opening it in the filled room, then while comments stream in.</summary>
public sealed record PageResult(string Page, double HtmlMs, double DomReadyMs, double FirstCommentMs, double UsableMs, int LoadLongTasks, int LoadMaxLongTaskMs,
    int Sent, int Shown, double P50Ms, double P99Ms, double MaxMs, double BusyShare, int StreamLongTasks, int StreamMaxLongTaskMs, int DomNodes);

/// <summary>One page of the hub (the console or the participant room) opened by a signed-in person and measured.</summary>
public sealed record PageKind(string Name, string User, string Password, string Path, string FirstComment, Func<IPage, Task> Click);

public static class PageRun
{
    public static readonly PageKind Console = new("console", "moderator", "Host#2026hub", "console", "#box-comments .feed li",
        async page =>
        {
            await page.Locator("#box-qa .question").First.GetByRole(AriaRole.Button, new() { Name = "合并到…" }).ClickAsync();
            await page.Locator("dialog.merge-picker .merge-target").First.WaitForAsync();
        });

    public static readonly PageKind Room = new("room", "member", "Member#2026hub", "room", "#panel-comments .feed li",
        async page =>
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "提问" }).ClickAsync();
            await page.Locator("#panel-questions .questions li").First.WaitForAsync();
        });

    public static async Task<PageResult> MeasureAsync(IBrowser browser, FilledRoom room, PageKind kind, int rate, int seconds, string? shots, string? profile)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = room.Url.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, kind.User, kind.Password);
        await context.AddInitScriptAsync(PageScript.Init(kind.FirstComment));
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        if (profile is not null)
        {
            await cdp.SendAsync("Profiler.enable");
            await cdp.SendAsync("Profiler.setSamplingInterval", new() { ["interval"] = 200 });
            await cdp.SendAsync("Profiler.start");
        }

        await page.GotoAsync($"/s/{room.RoomId}/{kind.Path}", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__pb && window.__pb.firstAt > 0", null, new() { PollingInterval = 20 });
        await kind.Click(page);
        var usable = await page.EvaluateAsync<double>("performance.now()");
        await page.Keyboard.PressAsync("Escape"); // closes the console's picker: the stream runs on the page as people leave it
        var first = await page.EvaluateAsync<double>("window.__pb.firstAt");
        var nav = await page.EvaluateAsync<double[]>("(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd]; })()");
        await page.WaitForTimeoutAsync(2000); // let the page settle before the stream starts

        var settled = await page.EvaluateAsync<double>("performance.now()");
        var load = await page.EvaluateAsync<int[]>(PageScript.LongTasks, new[] { 0, settled });
        var cookies = new CookieContainer();
        foreach (var c in await context.CookiesAsync()) cookies.Add(room.Url, new System.Net.Cookie(c.Name, c.Value, "/"));
        await using var poster = new HubConnectionBuilder().WithUrl(new Uri(room.Url, "/hubs/room"), o => o.Cookies = cookies).Build();
        await poster.StartAsync();
        await poster.InvokeAsync<JsonElement>("Join", new { roomId = room.RoomId, lastSeq = (long?)null, screen = false });

        var busyFrom = await TaskSecondsAsync(cdp);
        var wall = Stopwatch.StartNew();
        var from = await page.EvaluateAsync<double>("performance.now()");
        var sent = await StreamAsync(poster, kind.Name, rate, seconds);
        var busyTo = await TaskSecondsAsync(cdp);
        if (profile is not null)
        {
            // One CPU profile of opening and streaming, for Chrome DevTools (Performance → load profile).
            var cpu = await cdp.SendAsync("Profiler.stop");
            Directory.CreateDirectory(profile);
            await File.WriteAllTextAsync(System.IO.Path.Combine(profile, $"{kind.Name}.cpuprofile"), cpu!.Value.GetProperty("profile").GetRawText());
        }
        var busy = (busyTo - busyFrom) / wall.Elapsed.TotalSeconds;
        var to = await page.EvaluateAsync<double>("performance.now()");
        var stream = await page.EvaluateAsync<int[]>(PageScript.LongTasks, new[] { from, to });
        await page.WaitForTimeoutAsync(3000); // comments still on their way
        var seen = await page.EvaluateAsync<Dictionary<string, double>>("window.__pb.seen");
        var latencies = sent.Where(s => seen.TryGetValue(s.Key, out var at) && at > 0)
            .Select(s => seen[s.Key] - s.Value).Order().ToArray();
        var dom = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        if (shots is not null) await ShootAsync(browser, room, kind, shots, page);
        return new PageResult(kind.Name, Math.Round(nav[0]), Math.Round(nav[1]), Math.Round(first), Math.Round(usable), load[0], load[1], sent.Count, latencies.Length,
            Pct(latencies, 0.5), Pct(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1], Math.Round(busy, 3), stream[0], stream[1], dom);
    }

    /// <summary>
    /// Opens each page once, unmeasured: the first request after the hub starts pays for compiling pages, queries and
    /// the hub, which no later visitor of a running hub pays.
    /// </summary>
    public static async Task WarmAsync(IBrowser browser, FilledRoom room, IEnumerable<PageKind> kinds)
    {
        foreach (var kind in kinds)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = room.Url.ToString(), Locale = "zh-CN" });
            context.SetDefaultTimeout(120_000);
            var page = await context.NewPageAsync();
            await SignInAsync(page, kind.User, kind.Password);
            await page.GotoAsync($"/s/{room.RoomId}/{kind.Path}");
            await page.Locator(kind.FirstComment).First.WaitForAsync();
            await kind.Click(page);
        }
    }

    /// <summary>Posts numbered comments at <paramref name="rate"/> a second; returns each accepted one's send time (Unix ms).</summary>
    private static async Task<Dictionary<string, double>> StreamAsync(HubConnection poster, string page, int rate, int seconds)
    {
        var calls = new List<(string Key, double At, Task<JsonElement> Call)>();
        var next = Stopwatch.StartNew();
        for (var n = 0; n < rate * seconds; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate) - next.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            calls.Add(($"{page}-{n}", at, poster.InvokeAsync<JsonElement>("PostComment", $"{PageScript.Marker(page, n)} 直播中的新留言：支持加装电梯，建议公开费用明细。")));
        }
        var sent = new Dictionary<string, double>();
        foreach (var (key, at, call) in calls)
        {
            try
            {
                if ((await call).GetProperty("status").GetString() == "Approved") sent[key] = at;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex)
            {
                System.Console.Error.WriteLine($"comment {key} refused: {ex.Message}");
            }
        }
        return sent;
    }

    private static async Task<double> TaskSecondsAsync(ICDPSession cdp)
    {
        var r = await cdp.SendAsync("Performance.getMetrics");
        foreach (var m in r!.Value.GetProperty("metrics").EnumerateArray())
        {
            if (m.GetProperty("name").GetString() == "TaskDuration") return m.GetProperty("value").GetDouble();
        }
        throw new InvalidOperationException("no TaskDuration metric");
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn"));
    }

    /// <summary>The page as it stands after the stream, desktop, and again 360 px wide.</summary>
    private static async Task ShootAsync(IBrowser browser, FilledRoom room, PageKind kind, string dir, IPage desktop)
    {
        Directory.CreateDirectory(dir);
        await desktop.ScreenshotAsync(new() { Path = System.IO.Path.Combine(dir, $"{kind.Name}-desktop.png") });
        // The same page narrowed to a phone's width: rows laid out wide must follow.
        await desktop.SetViewportSizeAsync(360, 780);
        await desktop.Locator(kind.Name == "console" ? "#box-qa .question" : "#panel-questions .question").Nth(2).ScrollIntoViewIfNeededAsync();
        await desktop.ScreenshotAsync(new() { Path = System.IO.Path.Combine(dir, $"{kind.Name}-narrowed.png") });
        await using var phone = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = room.Url.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 360, Height = 780 }, IsMobile = true, HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        await SignInAsync(page, kind.User, kind.Password);
        await page.GotoAsync($"/s/{room.RoomId}/{kind.Path}");
        await page.Locator(kind.FirstComment).First.WaitForAsync();
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(dir, $"{kind.Name}-360.png") });
        // The question list too: its rows carry the most controls, the first thing to overflow a phone's width.
        await kind.Click(page);
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(kind.Name == "console" ? "#box-qa .question" : "#panel-questions .question").Nth(2).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(dir, $"{kind.Name}-360-questions.png") });
    }
}
