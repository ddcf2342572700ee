// ./hub bench hls: how many HLS players one node's nginx (and the hub's /media) serves, and the glass-to-glass delay of
// the default streaming configuration. nginx-rtmp, ffmpeg and the hub run on the server CPUs, this generator on the
// client CPUs (./hub pins it); every step is bounded (≤ 60 s). Results: bench/results/hls-<time>.{md,json}.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Deliberation.Bench.Hls;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var o = BenchOptions.Parse(args);
var command = ("./hub bench hls " + string.Join(' ', args)).TrimEnd();
var started = DateTime.Now;
var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
Console.Error.WriteLine($"== {o.Setup}; load average {string.Join(' ', load)}");
ThreadPool.SetMinThreads(64, 64);

using var rig = await StreamRig.StartAsync(o);
Console.Error.WriteLine($"== nginx-rtmp ({rig.ConfigSource}) on rtmp :{rig.RtmpPort}, http :{rig.HttpPort}; ffmpeg test pattern at {o.Bitrate}");
var segmentBytes = Directory.GetFiles(Path.Combine(rig.HlsPath, rig.Name), "*.ts").Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Average();

// Glass to glass first, on an otherwise idle stream: the room player's settings, low-latency option off and on.
var g2gRuns = new List<(string Name, List<G2GSample> Samples, int Unreadable, string Note)>();
if (o.G2GSamples > 0)
{
    var dist = Path.Combine(o.Root, "src", "Deliberation.Web", "ClientApp", "node_modules", "hls.js", "dist");
    // The player imports hls.js/light.
    var hlsJs = new[] { "hls.light.min.js", "hls.min.js" }.Select(f => Path.Combine(dist, f)).FirstOrDefault(File.Exists);
    if (hlsJs is null) Console.Error.WriteLine($"glass-to-glass skipped: no hls.js in {dist} (npm ci in ClientApp)");
    else
    {
        // The screenshots the delays were read from, to check by eye (artifacts/ is not committed).
        var artifacts = Path.Combine(o.Root, "artifacts", "bench-hls");
        Directory.CreateDirectory(artifacts);
        foreach (var (name, config) in GlassToGlass.PlayerConfigs)
        {
            try
            {
                var (samples, unreadable, note) = await GlassToGlass.RunAsync(rig.PlaylistUrl, hlsJs, config, o.G2GSamples, artifacts, name.Replace(' ', '-'));
                g2gRuns.Add((name, samples, unreadable, note));
                Console.Error.WriteLine($"== glass to glass, {name}: {string.Join(", ", samples.Select(s => s.DelayMs.ToString("0")))} ms ({unreadable} unreadable)");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"glass-to-glass ({name}) failed: {e.Message}");
            }
        }
    }
}

var steps = new List<StepResult>();
foreach (var row in o.Rows)
{
    HubMedia? hub = null;
    try
    {
        Uri url;
        Func<double> serverCpu;
        if (row == "nginx")
        {
            url = rig.PlaylistUrl;
            serverCpu = rig.Nginx.TreeCpuSeconds;
        }
        else if (row == "hub")
        {
            Console.Error.WriteLine("== starting the hub for the /media row");
            hub = await HubMedia.StartAsync(o, rig);
            url = hub.PlaylistUrl(rig.Name);
            serverCpu = hub.Hub.CpuSeconds;
        }
        else throw new ArgumentException($"unknown row {row}: nginx, hub");
        foreach (var n in o.Players)
        {
            var r = await HlsLoad.RunAsync(row, url, n, TimeSpan.FromSeconds(o.Seconds), serverCpu, rig.Ffmpeg.CpuSeconds);
            steps.Add(r);
            Console.Error.WriteLine($"{row,-6} {n,5} players: {r.SegmentsPerSecond,8:0} seg/s {r.MBPerSecond,7:0.0} MB/s  fetch p50 {r.P50Ms:0.0} p99 {r.P99Ms:0.0} max {r.MaxMs:0} ms" +
                $"  late {r.Late} failed {r.Failed} missed {r.Missed}  kept up {r.KeptUp}/{n}  server {r.ServerCores:0.00} gen {r.GeneratorCores:0.00} ffmpeg {r.EncoderCores:0.00} cores");
            if (r.Failures.Count > 0) Console.Error.WriteLine("       failures: " + string.Join(", ", r.Failures.Select(f => $"{f.Key} × {f.Value}")));
            if (rig.Ffmpeg.HasExited) throw new InvalidOperationException("ffmpeg stopped: " + rig.Ffmpeg.LogTail);
            if (r.KeptUp * 2 < n) break; // most players fell behind: a larger step tells nothing more
            await Task.Delay(2000);
        }
    }
    catch (Exception e) when (e is not OutOfMemoryException and not ArgumentException)
    {
        Console.Error.WriteLine($"row {row} failed: {e.Message}");
    }
    finally
    {
        hub?.Dispose();
    }
}

// Report.
Directory.CreateDirectory(o.Out);
var stamp = started.ToString("yyyyMMdd-HHmmss");
var md = new StringBuilder();
md.AppendLine($"# HLS viewers and glass-to-glass delay ({started:yyyy-MM-dd HH:mm})").AppendLine();
md.AppendLine($"`{command}`").AppendLine();
md.AppendLine($"Set-up: {o.Setup}; load average at start {string.Join(' ', load)}; {MachineCores()} cores on the machine. nginx {NginxVersion()} with libnginx-mod-rtmp " +
    $"({rig.ConfigSource}: 1 s fragments, 6 s playlist{(rig.Signed ? ", publish callbacks to a stub, recording on, signed URLs checked by secure_link" : "")}), ffmpeg test pattern 640x360 25 fps, x264 veryfast zerolatency, GOP 1 s, video {o.Bitrate} + AAC 64k; " +
    $"mean segment {segmentBytes / 1000:0} KB.").AppendLine();
if (g2gRuns.Count > 0)
{
    md.AppendLine("## Glass to glass").AppendLine();
    md.AppendLine("The burnt-in clock (ffmpeg drawtext of each frame's wall-clock time in ms, mod 10^8, stamped as the frame is made) against the page's clock " +
        "(Date.now(), redrawn every animation frame) in the same Chromium screenshot, both read by tesseract; readings over a minute are counted unreadable.").AppendLine();
    foreach (var (name, samples, unreadable, note) in g2gRuns)
    {
        md.AppendLine($"### {name}").AppendLine().AppendLine(note).AppendLine();
        if (samples.Count == 0)
        {
            md.AppendLine($"No readable sample ({unreadable} unreadable).").AppendLine();
            continue;
        }
        var d = samples.Select(s => s.DelayMs).Order().ToList();
        md.AppendLine($"**median {Median(d):0} ms, range {d[0]:0}–{d[^1]:0} ms** over {d.Count} readings ({unreadable} unreadable); hls.js latency estimate median " +
            $"{Median(samples.Select(s => s.HlsLatencyS).Order().ToList()):0.0} s, buffer ahead median {Median(samples.Select(s => s.BufferAheadS).Order().ToList()):0.0} s.").AppendLine();
        md.AppendLine("| video clock | page clock | delay ms | hls.js latency s | buffer ahead s |").AppendLine("|---|---|---|---|---|");
        foreach (var s in samples) md.AppendLine($"| {s.VideoMs:00000000} | {s.PageMs:00000000} | {s.DelayMs:0} | {s.HlsLatencyS:0.00} | {s.BufferAheadS:0.00} |");
        md.AppendLine();
    }
}
md.AppendLine("## Players").AppendLine();
md.AppendLine("| row | players | segments/s | MB/s | playlists/s | fetch p50 / p99 / max ms | late | failed | missed | kept up | server CPU (cores) | generator CPU | ffmpeg CPU |");
md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in steps)
{
    md.AppendLine($"| {r.Row} | {r.Players:N0} | {r.SegmentsPerSecond:N0} | {r.MBPerSecond:0.0} | {r.Playlists / r.Seconds:N0} | {r.P50Ms:0.0} / {r.P99Ms:0.0} / {r.MaxMs:0} | " +
        $"{r.Late} | {r.Failed} | {r.Missed} | {r.KeptUp:N0}/{r.Players:N0} | {r.ServerCores:0.00} | {r.GeneratorCores:0.00} | {r.EncoderCores:0.00} |");
}
md.AppendLine();
foreach (var r in steps.Where(s => s.Failures.Count > 0))
{
    md.AppendLine($"- failed fetches, {r.Row} at {r.Players:N0}: {string.Join(", ", r.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value}"))}");
}
foreach (var row in steps.Select(s => s.Row).Distinct())
{
    var best = steps.Where(s => s.Row == row && s.AllKeptUp).Select(s => s.Players).DefaultIfEmpty(0).Max();
    md.AppendLine($"- {row}: largest step where every player kept up: **{(best > 0 ? best.ToString("N0") : "none")}**");
}
md.AppendLine().AppendLine("A player keeps up when none of its segment fetches failed, took longer than the segment lasts (late), or fell out of the " +
    "live playlist before it was fetched (missed). Each step: N players, each with its own connection, reloading the playlist every target duration " +
    $"and fetching every new segment in full; players join over a ramp of N/500 s (1–10 s), then {o.Seconds} s are measured.");
var baseName = Path.Combine(o.Out, $"hls-{stamp}");
await File.WriteAllTextAsync(baseName + ".md", md.ToString());
await File.WriteAllTextAsync(baseName + ".json", JsonSerializer.Serialize(new
{
    command, setup = o.Setup, loadAverage = load, started, bitrate = o.Bitrate, segmentBytes, nginxConfig = rig.ConfigSource,
    glassToGlass = g2gRuns.Select(r => new { r.Name, r.Note, r.Unreadable, r.Samples }), steps = steps.Select(s => new
    {
        s.Row, s.Players, s.Seconds, s.Segments, s.Bytes, s.Playlists, s.SegmentsPerSecond, s.MBPerSecond, s.P50Ms, s.P99Ms, s.MaxMs,
        s.Late, s.Failed, s.Missed, s.KeptUp, s.ServerCores, s.GeneratorCores, s.EncoderCores, s.Failures,
    }),
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine(md.ToString());
Console.Error.WriteLine($"== wrote {baseName}.md/.json");
return steps.Count > 0 || g2gRuns.Count > 0 ? 0 : 1;

static string MachineCores() => File.ReadAllText("/sys/devices/system/cpu/online").Trim() is var online && online.Contains('-')
    ? (int.Parse(online.Split('-')[^1]) + 1).ToString() : "1";

static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

static string NginxVersion()
{
    using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("nginx", "-v") { RedirectStandardError = true, UseShellExecute = false })!;
    var v = p.StandardError.ReadToEnd().Trim();
    p.WaitForExit();
    return v.Split('/').LastOrDefault() ?? v;
}
