using Deliberation.Core.Tenancy;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Realtime.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Carries compile progress out of the compiler: it keeps the latest percentage and, four times a second at most,
/// stores it on the minutes (through its own DbContext: the compiler's is busy) and pushes it to the watchers.
/// </summary>
internal sealed class CompileProgressPump(Guid minutesId, int attempt, IMinutesNotifier notifier, IServiceScopeFactory scopes) : IProgress<int>, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _latest = -1;
    private int _sent = -1;
    private Task? _loop;

    public void Report(int value)
    {
        Volatile.Write(ref _latest, value);
        _loop ??= Task.Run(LoopAsync);
    }

    public async Task SetAsync(CompileState state, int percent, string? error, int versionNo)
    {
        await using var scope = scopes.CreateSystemScope("compile progress of a job");
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.MinutesDocuments.Where(m => m.Id == minutesId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.CompileState, state).SetProperty(m => m.CompileProgress, percent)
            .SetProperty(m => m.CompileAttempts, attempt).SetProperty(m => m.CompileError, error));
        await notifier.CompileProgressedAsync(new MinutesCompileStatus(minutesId, state.ToString(), percent, attempt, MinutesNotifier.MaxAttempts, error, versionNo));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var value = Volatile.Read(ref _latest);
            if (value != _sent)
            {
                _sent = value;
                await SetAsync(CompileState.Running, value, null, 0);
            }
            try { await Task.Delay(250, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
