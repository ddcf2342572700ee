using System.Diagnostics;
using System.Security.Cryptography;
using Deliberation.Core.Streaming;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.E2E;

/// <summary>
/// Debian's ffmpeg pushing the test pattern (with a clock) and a tone to the local nginx-rtmp that <c>./hub test</c>
/// started (<c>E2E_RTMP_URL</c>, e.g. <c>rtmp://127.0.0.1:PORT/live</c>) with a session's stream key, as OBS would.
/// Stopped gracefully by <see cref="StopAsync"/> (the publish ends cleanly, as when a moderator presses 停止推流);
/// always killed on dispose, so a failed test leaves no encoder running.
/// </summary>
public sealed class StreamPublisher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private StreamPublisher(Process process) => _process = process;

    public static string RtmpUrl => Environment.GetEnvironmentVariable("E2E_RTMP_URL")
        ?? throw new InvalidOperationException("E2E_RTMP_URL is not set: run the tests with ./hub test (it starts the local nginx-rtmp)");

    /// <summary>The session's stream key (<c>{publishName}?k={secret}</c>); issues one in the database when the session has none.</summary>
    public static async Task<string> StreamKeyAsync(Guid sessionId)
    {
        await using var db = E2ESessions.NewDb();
        var stream = await db.SessionStreams.SingleOrDefaultAsync(s => s.ConsultationId == sessionId);
        if (stream is null)
        {
            var session = await db.Consultations.SingleAsync(c => c.Id == sessionId);
            stream = new SessionStream
            {
                ConsultationId = sessionId, OrganizationId = session.OrganizationId, Source = StreamSource.Local,
                PublishName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                StreamSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                KeyIssuedAt = DateTimeOffset.UtcNow, KeyExpiresAt = DateTimeOffset.UtcNow.AddHours(6),
                Access = StreamAccess.Public, State = StreamState.Waiting,
            };
            db.SessionStreams.Add(stream);
            await db.SaveChangesAsync();
        }
        return stream.StreamKey;
    }

    /// <summary>Starts publishing to <c>{E2E_RTMP_URL}/{streamKey}</c>.</summary>
    public static StreamPublisher Start(string streamKey)
    {
        var psi = new ProcessStartInfo("ffmpeg")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in (string[])[
            "-hide_banner", "-loglevel", "error", "-nostats", "-re",
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25,drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf" +
                ":text='%{localtime\\:%T} %{n}':fontsize=40:fontcolor=white:box=1:boxcolor=black:x=12:y=12",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p", "-b:v", "600k",
            "-c:a", "aac", "-b:a", "64k", "-f", "flv", $"{RtmpUrl.TrimEnd('/')}/{streamKey}"])
        {
            psi.ArgumentList.Add(a);
        }
        var p = Process.Start(psi) ?? throw new InvalidOperationException("ffmpeg did not start");
        var publisher = new StreamPublisher(p);
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (publisher._log) publisher._log.Add(e.Data); };
        p.OutputDataReceived += (_, e) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        return publisher;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What ffmpeg said (errors only).</summary>
    public string Log
    {
        get { lock (_log) return string.Join('\n', _log); }
    }

    /// <summary>Stops publishing as an encoder does ('q': trailer written, RTMP closed); killed after 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        try
        {
            await _process.StandardInput.WriteAsync('q');
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            // already closing
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // gone
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
