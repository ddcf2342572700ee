using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Deliberation.Web.Tests;

public class StartupTests
{
    [Fact]
    public async Task ADatabaseThatIsDown_StopsTheHostAtOnce_WithAMessageNamingTheTarget()
    {
        // A port nobody listens on: reserve one, then free it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var web = Path.Combine(AppContext.BaseDirectory, "Deliberation.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__Default"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=nowhere",
                ["Database__ConnectTimeoutSeconds"] = "3",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains($"127.0.0.1:{port}/nowhere", error);
        Assert.DoesNotContain("   at ", error); // a message, not a stack trace
        Assert.DoesNotContain("Unhandled exception", await stdout + error);
    }
}
