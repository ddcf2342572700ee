using System.Collections.Concurrent;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Batches each room's committed events and sends them every 100 ms as one message to the room's group.
/// The room group is sent by <see cref="Fanout.RoomFanout"/>: the batch is serialised once and written to each
/// connection without waiting for any, so the cost grows with viewers × flush rate, not viewers × event rate, and
/// a slow viewer never holds the next batch back. Events leave only after their transaction committed.
/// </summary>
public sealed partial class RoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub, ILogger<RoomBroadcaster> logger)
    : BackgroundService, IRoomEventSink
{
    /// <summary>How often pending events are flushed.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<CommittedEvent>> _pending = new();

    /// <inheritdoc />
    public void Publish(IReadOnlyList<CommittedEvent> events)
    {
        foreach (var e in events) _pending.GetOrAdd(e.ConsultationId, _ => new ConcurrentQueue<CommittedEvent>()).Enqueue(e);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sends everything pending now (also used on shutdown).</summary>
    public async Task FlushAsync()
    {
        foreach (var (roomId, queue) in _pending)
        {
            if (queue.IsEmpty) continue;
            var batch = new List<RoomEventMessage>();
            while (queue.TryDequeue(out var e)) batch.Add(RoomEventMessage.From(e));
            batch.Sort((a, b) => a.Seq.CompareTo(b.Seq));
            try
            {
                await hub.Clients.Group(RoomGroups.Room(roomId)).EventsReceived(new EventBatch(roomId, batch)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Clients notice the gap and resume from the database; nothing committed is lost.
                LogFlushFailed(logger, roomId, ex);
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast to room {RoomId} failed; clients will resume")]
    private static partial void LogFlushFailed(ILogger logger, Guid roomId, Exception ex);
}
