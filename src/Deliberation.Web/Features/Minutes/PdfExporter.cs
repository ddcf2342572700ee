using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Prints the minutes' HTML page to PDF with the machine's headless Chromium. One print at a time per process
/// (Chromium is heavy on a small machine); each print gets its own throw-away profile and files.
/// </summary>
public sealed partial class PdfExporter(IOptions<MinutesOptions> options, ILogger<PdfExporter> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var o = options.Value;
        var dir = Directory.CreateTempSubdirectory("minutes-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "minutes.html");
            var output = Path.Combine(dir.FullName, "minutes.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(o.ChromiumPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                         $"--print-to-pdf={output}", "--no-pdf-header-footer", new Uri(input).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(arg);
            }
            await OneAtATime.WaitAsync(ct);
            try
            {
                using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {o.ChromiumPath}");
                var stderr = process.StandardError.ReadToEndAsync(ct);
                _ = process.StandardOutput.ReadToEndAsync(ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(o.PdfTimeoutSeconds));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"PDF printing took longer than {o.PdfTimeoutSeconds} s");
                }
                if (!File.Exists(output))
                {
                    var error = await stderr;
                    LogFailed(logger, process.ExitCode, error.Length > 500 ? error[..500] : error);
                    throw new InvalidOperationException($"Chromium exited with {process.ExitCode} and wrote no PDF");
                }
            }
            finally
            {
                OneAtATime.Release();
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try { dir.Delete(recursive: true); }
            catch (IOException) { /* a lingering Chromium helper may hold the profile a moment longer; the temp cleaner gets it */ }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium PDF print failed with exit code {ExitCode}: {Error}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string error);
}
