using System.Collections.Concurrent;
using System.Diagnostics;

namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>A child process with its output kept (last lines) for failure messages; killed on dispose.</summary>
public sealed class OsProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private OsProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool Running => !_process.HasExited;

    public static OsProcess Start(string file, IEnumerable<string> args, string? workingDir = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (workingDir is not null) psi.WorkingDirectory = workingDir;
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = new Process { StartInfo = psi };
        var os = new OsProcess(p);
        p.OutputDataReceived += (_, e) => os.Keep(e.Data);
        p.ErrorDataReceived += (_, e) => os.Keep(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return os;
    }

    /// <summary>Runs to completion (bounded) and returns its exit code.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDir = null)
    {
        using var p = Start(file, args, workingDir);
        using var cts = new CancellationTokenSource(timeout);
        await p._process.WaitForExitAsync(cts.Token);
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Tail);
    }

    public string Tail => string.Join('\n', _tail);

    private void Keep(string? line)
    {
        if (line is null) return;
        _tail.Enqueue(line);
        while (_tail.Count > 60) _tail.TryDequeue(out _);
    }

    /// <summary>SIGKILL, no goodbye.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
