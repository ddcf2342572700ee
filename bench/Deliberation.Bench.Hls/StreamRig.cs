using System.Net;
using System.Net.Sockets;

namespace Deliberation.Bench.Hls;

/// <summary>
/// The streaming path under test: nginx with Debian's RTMP module (the project's template from tools/stream/ when it
/// is there, else this bench's own, same HLS settings) and Debian's ffmpeg publishing the test pattern, whose
/// burnt-in number is the wall clock in milliseconds (mod 10^8) when the frame was made. Both pinned to the server CPUs.
/// </summary>
public sealed class StreamRig : IDisposable
{
    public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";
    private readonly List<Child> _children = [];

    private StreamRig(string prefix, int rtmpPort, int httpPort, string name)
    {
        Prefix = prefix;
        RtmpPort = rtmpPort;
        HttpPort = httpPort;
        Name = name;
    }

    public string Prefix { get; }
    public string HlsPath => Path.Combine(Prefix, "hls");
    public int RtmpPort { get; }
    public int HttpPort { get; }
    public string Name { get; }
    public string ConfigSource { get; private set; } = "";
    public Child Nginx { get; private set; } = null!;
    public Child Ffmpeg { get; private set; } = null!;
    /// <summary>The live playlist through nginx's HTTP port: signed /media URL with the project's template, plain /live/ with the bench's own.</summary>
    public Uri PlaylistUrl => Signed
        ? new Uri($"http://127.0.0.1:{HttpPort}{MediaSigning.LivePlaylist(Name)}")
        : new Uri($"http://127.0.0.1:{HttpPort}/live/{Name}/index.m3u8");

    /// <summary>Whether nginx runs the project's template (tools/stream/nginx.conf.template: publish callbacks, secure_link, recording).</summary>
    public bool Signed { get; private set; }

    private CallbackStub? _callbacks;

    public static async Task<StreamRig> StartAsync(BenchOptions o)
    {
        var prefix = Directory.CreateTempSubdirectory("deliberation-hls.").FullName;
        var rig = new StreamRig(prefix, FreePort(), FreePort(), Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
        try
        {
            await rig.StartNginxAsync(o);
            rig.StartFfmpeg(o);
            await rig.WaitForSegmentsAsync(3, TimeSpan.FromSeconds(30));
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    private async Task StartNginxAsync(BenchOptions o)
    {
        Directory.CreateDirectory(HlsPath);
        foreach (var sub in (string[])["rec", "logs", "tmp"]) Directory.CreateDirectory(Path.Combine(Prefix, sub));
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(Prefix, (UnixFileMode)0b111_101_101); // nginx workers (www-data) reach hls/
        Chown(HlsPath, Path.Combine(Prefix, "rec"), Path.Combine(Prefix, "tmp"));
        var tools = Path.Combine(o.Root, "tools", "stream", "stream.sh");
        string conf;
        var confPath = Path.Combine(Prefix, "nginx.conf");
        if (File.Exists(tools) && !o.OwnNginx)
        {
            // The project's streaming server, rendered by its own stream_render as `./hub run` does; the publish
            // callbacks go to a stub that allows every publish (the hub's callbacks are not what this measures).
            Signed = true;
            ConfigSource = "tools/stream/nginx.conf.template";
            _callbacks = CallbackStub.Start();
            using var render = System.Diagnostics.Process.Start("bash", ["-c", "source \"$0\"; stream_render \"$@\"", tools,
                Prefix, RtmpPort.ToString(), HttpPort.ToString(), _callbacks.Url, "bench", MediaSigning.Secret])!;
            await render.WaitForExitAsync();
            if (render.ExitCode != 0 || !File.Exists(confPath)) throw new InvalidOperationException("tools/stream/stream.sh stream_render failed");
            conf = await File.ReadAllTextAsync(confPath);
        }
        else
        {
            ConfigSource = "bench/Deliberation.Bench.Hls/nginx.conf.template";
            conf = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "nginx.conf.template")))
                .Replace("{{PREFIX}}", Prefix).Replace("{{RTMP_PORT}}", RtmpPort.ToString()).Replace("{{HTTP_PORT}}", HttpPort.ToString())
                .Replace("{{HLS_PATH}}", HlsPath);
        }
        await File.WriteAllTextAsync(confPath, conf);
        // In the foreground (daemon off) so that this process owns it and its CPU is read from its process tree.
        Nginx = Add(Child.Start("nginx", "nginx", ["-p", Prefix, "-e", Path.Combine(Prefix, "logs", "error.log"), "-c", confPath, "-g", "daemon off;"], o.ServerCpus));
        for (var i = 0; i < 100; i++)
        {
            if (Nginx.HasExited) throw new InvalidOperationException("nginx exited: " + Nginx.LogTail + ReadIfThere(Path.Combine(Prefix, "logs", "error.log")));
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, RtmpPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx did not listen: " + ReadIfThere(Path.Combine(Prefix, "logs", "error.log")));
    }

    /// <summary>The filter that burns the frame's wall-clock time (ms mod 10^8, 8 digits) into the top-left corner.</summary>
    public static string ClockFilter(string size, int fps) =>
        $"testsrc2=size={size}:rate={fps},settb=1/1000000,setpts=RTCTIME," +
        $"drawtext=fontfile={Font}:text='%{{eif\\:mod(t*1000\\,100000000)\\:d\\:8}}':fontsize=64:fontcolor=white:box=1:boxcolor=black:boxborderw=12:x=12:y=12," +
        $"settb=1/{fps},setpts=N";

    private void StartFfmpeg(BenchOptions o)
    {
        var url = $"rtmp://127.0.0.1:{RtmpPort}/live/{Name}?k=bench";
        Ffmpeg = Add(Child.Start("ffmpeg", "ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-re",
            "-f", "lavfi", "-i", ClockFilter("640x360", 25),
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
            "-b:v", o.Bitrate, "-maxrate", o.Bitrate, "-bufsize", o.Bitrate,
            "-c:a", "aac", "-b:a", "64k", "-f", "flv", url], o.ServerCpus));
    }

    /// <summary>Waits until the live playlist lists at least <paramref name="count"/> segments.</summary>
    public async Task WaitForSegmentsAsync(int count, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Ffmpeg.HasExited) throw new InvalidOperationException("ffmpeg exited: " + Ffmpeg.LogTail);
            try
            {
                var text = await http.GetStringAsync(PlaylistUrl);
                if (Playlist.Parse(text).Segments.Count >= count) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("no HLS playlist: " + Ffmpeg.LogTail + ReadIfThere(Path.Combine(Prefix, "logs", "error.log")));
    }

    private Child Add(Child c)
    {
        _children.Add(c);
        return c;
    }

    private static void Chown(params string[] paths)
    {
        using var p = System.Diagnostics.Process.Start("chown", ["-R", "www-data:www-data", .. paths]);
        p.WaitForExit();
    }

    private static string ReadIfThere(string path) => File.Exists(path) ? "\n" + File.ReadAllText(path) : "";

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        for (var i = _children.Count - 1; i >= 0; i--) _children[i].Dispose();
        _callbacks?.Dispose();
        try
        {
            Directory.Delete(Prefix, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
