using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Deliberation.Bench.Hls;

/// <summary>One reading: the number burnt into the video frame on screen and the page's clock in the same screenshot.</summary>
public sealed record G2GSample(long VideoMs, long PageMs, double DelayMs, double HlsLatencyS, double BufferAheadS);

/// <summary>
/// Glass-to-glass delay of the default configuration: Debian's Chromium plays the live stream with hls.js (the room
/// player's settings, muted autoplay) on a bare page; the page shows its own clock (Date.now() mod 10^8 ms, redrawn every
/// animation frame) right under the video's burnt-in clock; each screenshot holds both; tesseract reads both numbers.
/// Delay = page clock − video clock: capture by ffmpeg → x264 → RTMP → nginx-rtmp HLS → HTTP → hls.js buffer → screen.
/// </summary>
public static partial class GlassToGlass
{
    /// <summary>The room player's hls.js settings (ClientApp/src/lib/player.ts), with its low-latency option off and on.</summary>
    public static readonly (string Name, string Config)[] PlayerConfigs =
    [
        ("player default", "{ enableWorker: false, lowLatencyMode: false, liveSyncDurationCount: 3, liveMaxLatencyDurationCount: 8, maxLiveSyncPlaybackRate: 1.1, backBufferLength: 30 }"),
        ("player low-latency", "{ enableWorker: false, lowLatencyMode: true, liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 4, maxLiveSyncPlaybackRate: 1.2, backBufferLength: 30 }"),
    ];

    public static async Task<(List<G2GSample> Samples, int Unreadable, string Note)> RunAsync(Uri playlist, string hlsJs, string hlsConfig, int samples, string artifacts,
        string prefix)
    {
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 700, Height = 420 } });
        var page = await context.NewPageAsync();
        var origin = new Uri(playlist, "/");
        // The page and hls.js come from the same origin as the stream (routed here), so no CORS is involved.
        await page.RouteAsync(new Uri(origin, "/g2g.html").ToString(), r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = Html(playlist, hlsConfig) }));
        await page.RouteAsync(new Uri(origin, "/hls.min.js").ToString(), r => r.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Path = hlsJs }));
        await page.GotoAsync(new Uri(origin, "/g2g.html").ToString());
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v && v.currentTime > 2 && !v.paused; }", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(3000); // past the start-up catch-up
        var list = new List<G2GSample>();
        var unreadable = 0;
        for (var i = 0; i < samples; i++)
        {
            var png = Path.Combine(artifacts, $"{prefix}-{i:00}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, Clip = new Clip { X = 0, Y = 0, Width = 360, Height = 200 } });
            var info = await page.EvaluateAsync<double[]>("() => { const v = document.querySelector('video'); const b = v.buffered; " +
                "return [window.hls.latency ?? NaN, b.length ? b.end(b.length - 1) - v.currentTime : 0]; }");
            var text = await OcrAsync(png);
            var numbers = EightDigits().Matches(text).Select(m => long.Parse(m.Value)).ToList();
            if (numbers.Count >= 2)
            {
                var delay = (numbers[1] - numbers[0] + 100_000_000) % 100_000_000;
                // A misread digit shows as an absurd delay; keep only readings within a minute.
                if (delay < 60_000) list.Add(new G2GSample(numbers[0], numbers[1], delay, info[0], info[1]));
                else unreadable++;
            }
            else unreadable++;
            await page.WaitForTimeoutAsync(1000 + Random.Shared.Next(0, 500));
        }
        var note = $"hls.js {await page.EvaluateAsync<string>("() => Hls.version")} {Path.GetFileName(hlsJs)}, Chromium {browser.Version}, config {hlsConfig}";
        return (list, unreadable, note);
    }

    private static async Task<string> OcrAsync(string png)
    {
        var psi = new ProcessStartInfo("tesseract", [png, "stdout", "--psm", "6", "-c", "tessedit_char_whitelist=0123456789"])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text;
    }

    [GeneratedRegex(@"\d{8}")]
    private static partial Regex EightDigits();

    // The video is shown at its own size (640x360) inside a box that reveals only the burnt-in clock; the page clock,
    // same font and size, sits under it. Both inverted to black on white for the OCR.
    private static string Html(Uri playlist, string hlsConfig) => $$"""
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { margin: 0; background: #fff; }
        #v { position: absolute; left: 0; top: 0; width: 336px; height: 88px; overflow: hidden; filter: invert(1); }
        video { width: 640px; height: 360px; display: block; }
        #c { position: absolute; left: 0; top: 100px; width: 312px; height: 64px; padding: 12px; line-height: 64px;
             font: bold 64px "DejaVu Sans Mono", monospace; color: #fff; background: #000; filter: invert(1); }
        </style></head><body><div id="v"><video muted autoplay playsinline></video></div><div id="c">00000000</div>
        <script src="/hls.min.js"></script><script>
        const v = document.querySelector('video');
        const hls = new Hls({{hlsConfig}}); window.hls = hls;
        hls.loadSource({{System.Text.Json.JsonSerializer.Serialize(playlist.ToString())}}); hls.attachMedia(v);
        v.play().catch(() => {});
        const c = document.getElementById('c');
        (function tick() { c.textContent = String(Date.now() % 100000000).padStart(8, '0'); requestAnimationFrame(tick); })();
        </script></body></html>
        """;
}
