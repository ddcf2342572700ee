using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Prints the minutes' HTML page to PDF with the machine's headless Chromium. One print at a time per process
/// (Chromium is heavy on a small machine); each print gets its own throw-away profile and files. Reviewers'
/// on-demand prints wait in a bounded queue (<see cref="MinutesOptions.PdfQueueLimit"/> waiters, at most
/// <see cref="MinutesOptions.PdfQueueWaitSeconds"/>) and get <see cref="PdfBusyException"/> beyond it; background
/// renders of published minutes wait as long as it takes. Public downloads never print: they are stored.
/// </summary>
public sealed partial class PdfExporter(IOptions<MinutesOptions> options, ILogger<PdfExporter> logger)
{
    /// <summary>Meter of the minutes feature.</summary>
    public const string MeterName = "Deliberation.Minutes";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> PrintCounter = Meter.CreateCounter<long>("deliberation.minutes.pdf_prints", description: "Chromium launches to print minutes");
    private static readonly Counter<long> BusyCounter = Meter.CreateCounter<long>("deliberation.minutes.pdf_busy", description: "Reviewers' PDF downloads refused because the printer queue was full");
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _waiting;
    private long _prints;

    /// <summary>Chromium launches by this process so far.</summary>
    public long Prints => Interlocked.Read(ref _prints);

    /// <summary>A reviewer's print: waits in the bounded queue, or throws <see cref="PdfBusyException"/>.</summary>
    public async Task<byte[]> PrintBoundedAsync(string html, CancellationToken ct)
    {
        var o = options.Value;
        if (Interlocked.Increment(ref _waiting) > o.PdfQueueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            BusyCounter.Add(1);
            throw new PdfBusyException();
        }
        bool entered;
        try
        {
            entered = await _oneAtATime.WaitAsync(TimeSpan.FromSeconds(o.PdfQueueWaitSeconds), ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        if (!entered)
        {
            BusyCounter.Add(1);
            throw new PdfBusyException();
        }
        try
        {
            return await PrintHeldAsync(html, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>A background print: waits its turn however long it takes.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            return await PrintHeldAsync(html, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<byte[]> PrintHeldAsync(string html, CancellationToken ct)
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
            Interlocked.Increment(ref _prints);
            PrintCounter.Add(1);
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
