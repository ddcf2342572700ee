using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Realtime.Minutes;

/// <summary>Pushes compile status to the pages watching a minutes (through the backplane when there is one).</summary>
public interface IMinutesNotifier
{
    /// <summary>Sends <paramref name="status"/> to the watchers of its minutes.</summary>
    Task CompileProgressedAsync(MinutesCompileStatus status, CancellationToken ct = default);
}

/// <summary>The SignalR implementation of <see cref="IMinutesNotifier"/>.</summary>
public sealed class MinutesNotifier(IHubContext<MinutesHub, IMinutesClient> hub) : IMinutesNotifier
{
    /// <summary>Attempts the compile job makes (its retry policy), shown as "attempt 2 of 3".</summary>
    public const int MaxAttempts = 3;

    /// <inheritdoc />
    public Task CompileProgressedAsync(MinutesCompileStatus status, CancellationToken ct = default) =>
        hub.Clients.Group(MinutesGroups.For(status.MinutesId)).CompileProgressed(status);
}
