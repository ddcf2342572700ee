namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>The cluster's own redis-server on a free loopback port, in the foreground so it dies with us.</summary>
public sealed class RedisProcess : IDisposable
{
    private OsProcess? _process;

    public int Port { get; } = Ports.Free();

    public string Endpoint => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _process = OsProcess.Start("redis-server", ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await Ports.WaitListeningAsync(Port, TimeSpan.FromSeconds(10), () => _process.Running);
    }

    /// <summary>Kills Redis (losing everything in it) and starts a fresh one on the same port.</summary>
    public async Task RestartAsync(TimeSpan downFor)
    {
        _process?.Dispose();
        await Task.Delay(downFor);
        await StartAsync();
    }

    public void Dispose() => _process?.Dispose();
}
