using System.Collections.Concurrent;
using System.Diagnostics;

namespace Deliberation.Bench.Hls;

/// <summary>A child process (nginx, ffmpeg, the hub), optionally pinned with taskset; CPU read from /proc; always killed on dispose.</summary>
public sealed class Child : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private Child(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string LogTail => string.Join('\n', _log.TakeLast(30));

    public static Child Start(string name, string file, IEnumerable<string> args, string? cpus = null, IDictionary<string, string>? env = null,
        string? workingDir = null)
    {
        var all = args.ToList();
        if (!string.IsNullOrEmpty(cpus))
        {
            all.InsertRange(0, ["-c", cpus, file]);
            file = "taskset"; // taskset execs the program, so the process id stays the program's
        }
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (workingDir is not null) psi.WorkingDirectory = workingDir;
        foreach (var a in all) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"{name} did not start");
        var child = new Child(name, p);
        p.OutputDataReceived += (_, e) => child.Keep(e.Data);
        p.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 200) _log.TryDequeue(out _);
    }

    /// <summary>CPU seconds (utime + stime from /proc/&lt;pid&gt;/stat) used so far; 0 once the process is gone.</summary>
    public double CpuSeconds() => CpuSecondsOf(Pid);

    public static double CpuSecondsOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[11]) + long.Parse(f[12])) / 100.0; // USER_HZ
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>CPU seconds of this process and its children that are still running (nginx: master + worker).</summary>
    public double TreeCpuSeconds()
    {
        var total = CpuSeconds();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Pid) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(f[1]) == Pid) total += (long.Parse(f[11]) + long.Parse(f[12])) / 100.0;
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                // gone meanwhile
            }
        }
        return total;
    }

    /// <summary>Asks the process to stop (SIGTERM/SIGINT through kill), waits, then kills the tree.</summary>
    public void Stop(string signal = "TERM", int waitMs = 5000)
    {
        if (_process.HasExited) return;
        try
        {
            using var k = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Pid.ToString()]) { UseShellExecute = false });
            k?.WaitForExit(2000);
            if (_process.WaitForExit(waitMs)) return;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // fall through to kill
        }
        Dispose();
    }

    public void Dispose()
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
}
