using System.Net;
using System.Net.Sockets;

namespace Deliberation.Cluster.Tests.Infrastructure;

public static class Ports
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Free()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static async Task WaitListeningAsync(int port, TimeSpan timeout, Func<bool>? stillAlive = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                if (stillAlive is not null && !stillAlive()) throw new InvalidOperationException($"process for port {port} exited");
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"nothing listens on {port} after {timeout}");
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Deliberation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
