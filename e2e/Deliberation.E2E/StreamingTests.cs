using System.Globalization;
using Deliberation.Core.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// 直播 over the real local path: Debian's ffmpeg pushes RTMP with the session's stream key to the nginx-rtmp that
/// <c>./hub test</c> started, nginx authorises it through the hub's publish callback and writes HLS, the hub serves it
/// under signed /media URLs, and Chromium plays it with hls.js (muted autoplay: the player starts muted). Each test has
/// its own session and its own encoder, killed whatever happens.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StreamingTests(BrowserFixture browser)
{
    /// <summary>Playback, the live status and the danmaku layer can take a while on the shared 2-core test box.</summary>
    private const float Slow = 45_000;

    /// <summary>
    /// Keeps every danmaku text the page ever showed in <c>window.__danmaku</c>: items fly across and are removed, so
    /// "never appeared" and "appeared" are read from this record, not from the DOM at one moment.
    /// </summary>
    private const string DanmakuRecorder = """
        (() => {
          const seen = window.__danmaku = [];
          const look = () => {
            for (const el of document.querySelectorAll('.danmaku-item, .danmaku-pinned')) {
              const text = el.textContent ?? '';
              if (text && !seen.includes(text)) seen.push(text);
            }
          };
          new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    [Fact]
    public async Task Room_PlaysTheLiveStream_OnDesktopAndOnAPublicPhone()
    {
        var session = await E2ESessions.CreateAsync();
        var key = await StreamPublisher.StreamKeyAsync(session.Id);
        // 远程协商: a conference link, which registered speakers and moderators see under the picture and the public never.
        const string conference = "https://meet.example.org/j/42";
        await using (var db = E2ESessions.NewDb())
        {
            await db.SessionStreams.Where(s => s.ConsultationId == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConferenceUrl, conference));
        }
        await using var publisher = StreamPublisher.Start(key);
        try
        {
            await using var memberContext = await browser.NewContextAsync();
            var member = await memberContext.NewPageAsync();
            await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
            await member.GotoAsync(session.Room);
            await ExpectLivePlaybackAsync(member, publisher);
            await Assertions.Expect(member.Locator(".player-conference")).ToHaveAttributeAsync("href", conference);
            await BrowserFixture.ShotAsync(member, "stream-room-desktop");

            // A second viewer: the public, on a phone, no account.
            await using var phoneContext = await browser.NewContextAsync(phone: true);
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync(session.Room);
            await ExpectLivePlaybackAsync(phone, publisher);
            await Assertions.Expect(phone.Locator(".player-conference")).ToBeHiddenAsync();
            await BrowserFixture.ShotAsync(phone, "stream-room-phone");

            // Both keep playing side by side.
            await ExpectAdvancingAsync(member);
            await Assertions.Expect(phone.Locator(".player-viewers")).ToContainTextAsync("在线", new() { Timeout = Slow });
        }
        finally
        {
            await publisher.StopAsync();
        }
    }

    [Fact]
    public async Task Danmaku_FliesApprovedComments_AndNeverPendingOnes()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Public comments wait for a moderator (the default); members' comments are shown at once (post-moderated).
        var session = await E2ESessions.CreateAsync(configure: c => c.Room.PreModeratePublic = true);
        await using var publisher = StreamPublisher.Start(await StreamPublisher.StreamKeyAsync(session.Id));
        try
        {
            await using var modContext = await browser.NewContextAsync();
            var mod = await modContext.NewPageAsync();
            await BrowserFixture.SignInAsync(mod, "moderator", "Host#2026hub");
            await mod.GotoAsync(session.Console);

            await using var memberContext = await browser.NewContextAsync();
            await memberContext.AddInitScriptAsync(DanmakuRecorder);
            var member = await memberContext.NewPageAsync();
            await BrowserFixture.SignInAsync(member, "member", "Member#2026hub");
            await member.GotoAsync(session.Room);
            await ExpectLivePlaybackAsync(member, publisher);
            await DanmakuOnAsync(member);

            await using var phoneContext = await browser.NewContextAsync(phone: true);
            await phoneContext.AddInitScriptAsync(DanmakuRecorder);
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync(session.Room);
            await ExpectLivePlaybackAsync(phone, publisher);
            await DanmakuOnAsync(phone);

            // The public viewer's comment waits for the moderator.
            var pending = $"待审核的意见{tag}";
            await phone.GetByPlaceholder("说说您的意见建议（500字以内）").FillAsync(pending);
            await phone.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
            await phone.GetByLabel("昵称").FillAsync("三楼的李师傅");
            await phone.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Assertions.Expect(phone.GetByText("审核通过后显示")).ToBeVisibleAsync();
            var queued = mod.Locator("#box-queue li", new() { HasText = pending });
            await Assertions.Expect(queued).ToBeVisibleAsync(new() { Timeout = Slow });

            // The member's comment, posted after it, flies over both players — as text.
            var approved = $"支持加装电梯{tag} <img src=x onerror=alert(1)>";
            await member.GetByPlaceholder("说说您的意见建议（500字以内）").FillAsync(approved);
            await member.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
            await ExpectDanmakuAsync(member, "支持加装电梯" + tag);
            await ExpectDanmakuAsync(phone, "支持加装电梯" + tag);
            // (long items may be shortened with an ellipsis, so only the markup's start is looked for)
            Assert.Contains(await SeenAsync(phone), t => t.Contains("<img src=x", StringComparison.Ordinal));
            Assert.Equal(0, await phone.Locator(".danmaku img").CountAsync());
            await BrowserFixture.ShotAsync(phone, "stream-danmaku-phone");
            await BrowserFixture.ShotAsync(member, "stream-danmaku-desktop");

            // The pending one, posted earlier, has not flown anywhere — not even for its author.
            Assert.DoesNotContain(await SeenAsync(member), t => t.Contains(pending, StringComparison.Ordinal));
            Assert.DoesNotContain(await SeenAsync(phone), t => t.Contains(pending, StringComparison.Ordinal));

            // Once the moderator approves it, it is an approved comment and flies too.
            await queued.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await ExpectDanmakuAsync(member, pending);
        }
        finally
        {
            await publisher.StopAsync();
        }
    }

    [Fact]
    public async Task StreamEnds_AndTheReplaySeeksToAClickedMoment()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var session = await E2ESessions.CreateAsync();
        await using var publisher = StreamPublisher.Start(await StreamPublisher.StreamKeyAsync(session.Id));
        await using var modContext = await browser.NewContextAsync();
        var mod = await modContext.NewPageAsync();
        try
        {
            await BrowserFixture.SignInAsync(mod, "moderator", "Host#2026hub");
            await mod.GotoAsync(session.Console);
            var started = await StreamStartedAsync(session.Id, publisher);

            // A moment some seconds into the broadcast: the moderator's announcement (on the replay's timeline).
            await WaitUntilAsync(started.AddSeconds(6));
            var announce = mod.GetByRole(AriaRole.Textbox, new() { Name = "发布公告" });
            await announce.FillAsync($"请各位委员围绕加装电梯发言{tag}");
            await mod.GetByRole(AriaRole.Button, new() { Name = "发布公告", Exact = true }).ClickAsync();

            // The recording runs on past it, then the encoder stops and the moderator ends the session.
            await WaitUntilAsync(DateTimeOffset.UtcNow.AddSeconds(5));
        }
        finally
        {
            await publisher.StopAsync();
        }
        await mod.GetByRole(AriaRole.Button, new() { Name = "结束协商" }).ClickAsync();
        await mod.Locator("dialog.end-dialog").GetByRole(AriaRole.Button, new() { Name = "确认结束" }).ClickAsync();
        await Assertions.Expect(mod.Locator(".ended-panel")).ToContainTextAsync("本次协商已结束");
        await WaitForAsync(async () =>
        {
            await using var db = E2ESessions.NewDb();
            return await db.SessionStreams.AnyAsync(s => s.ConsultationId == session.Id && s.State == StreamState.Ended);
        }, TimeSpan.FromSeconds(30), "the stream did not end with the session");

        // The public replay: the recording (written by nginx when the publish ended) with the session's timeline.
        await using var phoneContext = await browser.NewContextAsync(phone: true);
        var phone = await phoneContext.NewPageAsync();
        var replay = $"/s/{session.Id}/replay";
        await phone.GotoAsync(replay);
        var moments = phone.Locator(".timeline button.moment");
        // The recording is registered a moment after the publish ends (nginx remuxes it, then calls the hub).
        await WaitForAsync(async () =>
        {
            if (await phone.Locator(".player[data-state=replay] video").CountAsync() > 0 && await moments.CountAsync() > 0) return true;
            await phone.WaitForTimeoutAsync(1500);
            await phone.ReloadAsync();
            return false;
        }, TimeSpan.FromSeconds(60), "the replay did not become available");
        await phone.WaitForFunctionAsync("() => { const v = document.querySelector('.player video'); return v && v.readyState >= 1 && v.duration > 5; }",
            null, new() { Timeout = Slow });
        var duration = await phone.EvaluateAsync<double>("() => document.querySelector('.player video').duration");

        var moment = phone.Locator(".timeline button.moment[data-kind=announcement]");
        if (await moment.CountAsync() == 0) moment = moments;
        // The latest moment inside the recording (not at its very start, so a seek is visible).
        var offsets = new List<double>();
        foreach (var m in await moment.AllAsync())
        {
            offsets.Add(double.Parse(await m.GetAttributeAsync("data-offset") ?? "0", CultureInfo.InvariantCulture));
        }
        var target = offsets.Where(o => o > 1 && o < duration - 0.5).DefaultIfEmpty(-1).Max();
        Assert.True(target > 1, $"no moment inside the {duration:0.0} s recording past its start: {string.Join(", ", offsets)}");
        await BrowserFixture.ShotAsync(phone, "stream-replay-phone");
        await moment.Nth(offsets.IndexOf(target)).ClickAsync();
        await phone.WaitForFunctionAsync("target => { const v = document.querySelector('.player video'); return !v.seeking && Math.abs(v.currentTime - target) < 1.5; }",
            target, new() { Timeout = Slow });
        await BrowserFixture.ShotAsync(phone, "stream-replay-seeked");
    }

    /// <summary>The player says 直播中, its video is muted and its time advances.</summary>
    private static async Task ExpectLivePlaybackAsync(IPage page, StreamPublisher publisher)
    {
        var player = page.Locator(".player");
        try
        {
            await Assertions.Expect(player).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Slow });
        }
        catch (PlaywrightException) when (publisher.HasExited)
        {
            throw new InvalidOperationException("ffmpeg stopped publishing: " + publisher.Log);
        }
        await Assertions.Expect(player.Locator(".player-status")).ToContainTextAsync("直播中");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.player video').muted"), "the player must start muted (autoplay)");
        await Assertions.Expect(player.Locator(".player-unmute")).ToBeVisibleAsync();
        await ExpectAdvancingAsync(page);
    }

    /// <summary>The video element is playing: not paused, and its currentTime moves on by more than a second.</summary>
    private static async Task ExpectAdvancingAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('.player video'); return v && !v.paused && v.readyState >= 2 && v.currentTime > 0; }",
            null, new() { Timeout = Slow });
        var t0 = await page.EvaluateAsync<double>("() => document.querySelector('.player video').currentTime");
        await page.WaitForFunctionAsync("t0 => document.querySelector('.player video').currentTime > t0 + 1", t0, new() { Timeout = Slow });
    }

    /// <summary>Danmaku on for this viewer (the toggle's aria-pressed).</summary>
    private static async Task DanmakuOnAsync(IPage page)
    {
        var toggle = page.Locator(".player [data-bind=danmaku-toggle]");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        if (await toggle.GetAttributeAsync("aria-pressed") != "true") await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private static async Task ExpectDanmakuAsync(IPage page, string text) =>
        await page.WaitForFunctionAsync("text => window.__danmaku.some(t => t.includes(text))", text, new() { Timeout = Slow });

    private static async Task<string[]> SeenAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__danmaku");

    /// <summary>When the hub accepted the publish (the stream's StartedAt), waiting for it at most 45 s.</summary>
    private static async Task<DateTimeOffset> StreamStartedAsync(Guid sessionId, StreamPublisher publisher)
    {
        DateTimeOffset? started = null;
        await WaitForAsync(async () =>
        {
            if (publisher.HasExited) throw new InvalidOperationException("ffmpeg stopped publishing: " + publisher.Log);
            await using var db = E2ESessions.NewDb();
            started = await db.SessionStreams.Where(s => s.ConsultationId == sessionId && s.State == StreamState.Live)
                .Select(s => s.StartedAt).SingleOrDefaultAsync();
            return started is not null;
        }, TimeSpan.FromSeconds(45), "the hub never saw the publish start");
        return started!.Value;
    }

    /// <summary>Polls <paramref name="condition"/> every 300 ms until it holds, failing with <paramref name="what"/> after <paramref name="limit"/>.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException(what);
            await Task.Delay(300);
        }
    }

    /// <summary>Lets the broadcast run until <paramref name="at"/>: the recording needs content before and after a moment.</summary>
    private static async Task WaitUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
