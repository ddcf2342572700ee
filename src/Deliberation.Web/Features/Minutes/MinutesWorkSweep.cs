using Deliberation.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// On start and then every <see cref="MinutesOptions.WorkSweepSeconds"/>, dispatches minutes work a crash left
/// between its commit and the job queue (a compile of an ended session, the public files of published minutes).
/// Every node sweeps; the dispatcher's conditional claim lets one of them have each request.
/// </summary>
public sealed partial class MinutesWorkSweep(IServiceScopeFactory scopes, IOptions<MinutesOptions> options, ILogger<MinutesWorkSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WorkSweepSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateSystemScope("minutes work sweep: requests any body left behind");
                var n = await scope.ServiceProvider.GetRequiredService<MinutesWorkDispatcher>().DispatchPendingAsync(null, stoppingToken);
                if (n > 0) LogSwept(logger, n);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the queue is away for a moment: the next sweep tries again.
                LogFailed(logger, ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    // The host stopping (or giving up on a failed start) cancels the wait: that ends the sweep, it is not a failure.
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minutes work sweep dispatched {Count} request(s) left behind")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minutes work sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
