using System.Diagnostics;

namespace Deliberation.Bench;

/// <summary>A server under test as a child process (optionally pinned to CPUs with taskset): started, watched through /proc (CPU, RSS), killed at the end.</summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly long ClockTicks = 100; // USER_HZ on Linux
    private readonly Process _process;
    private readonly CancellationTokenSource _sampling = new();
    private long _peakRssKb;

    private ServerProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
        _ = Task.Run(SampleAsync);
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Pid => _process.Id;
    public long PeakRssKb => Interlocked.Read(ref _peakRssKb);

    public static async Task<ServerProcess> StartAsync(string name, string file, string[] args, string workingDir, Dictionary<string, string> env,
        int port, string readyPath, string? cpus = null)
    {
        // Pinned: taskset execs the server, so the process id stays the server's.
        if (!string.IsNullOrEmpty(cpus))
        {
            args = ["-c", cpus, file, .. args];
            file = "taskset";
        }
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null && log.Count < 200) log.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null && log.Count < 200) log.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (p.HasExited) throw new InvalidOperationException($"{name} exited: {string.Join('\n', log)}");
            try
            {
                var r = await http.GetAsync(new Uri(url, readyPath));
                if ((int)r.StatusCode < 500) return new ServerProcess(name, p, url);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not yet
            }
            await Task.Delay(200);
        }
        p.Kill(true);
        throw new TimeoutException($"{name} did not come up: {string.Join('\n', log)}");
    }

    /// <summary>CPU seconds (user + system) the process used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / (double)ClockTicks; // utime, stime (fields 14, 15)
    }

    /// <summary>Resident set size now, in KB.</summary>
    public long RssKb()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line[6..].Trim().Split(' ')[0]);
        }
        return 0;
    }

    public void ResetPeak() => Interlocked.Exchange(ref _peakRssKb, RssKb());

    private async Task SampleAsync()
    {
        while (!_sampling.IsCancellationRequested && !_process.HasExited)
        {
            try
            {
                var rss = RssKb();
                if (rss > _peakRssKb) Interlocked.Exchange(ref _peakRssKb, rss);
            }
            catch (IOException)
            {
                return;
            }
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _sampling.Cancel();
        try
        {
            if (!_process.HasExited) _process.Kill(true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // gone
        }
    }
}
