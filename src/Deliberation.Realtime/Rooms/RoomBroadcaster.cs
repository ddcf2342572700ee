using System.Collections.Concurrent;
using System.Diagnostics;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Batches each room's committed events and sends them every 100 ms as one message to the room's group (longer,
/// up to 300 ms, when this node serves more room viewers than <see cref="FrameBudget"/> allows at 100 ms).
/// The room group is sent by <see cref="Fanout.RoomFanout"/>: the batch is serialised once and written to each
/// connection without waiting for any, so the cost grows with viewers × flush rate, not viewers × event rate, and
/// a slow viewer never holds the next batch back. Events leave only after their transaction committed.
/// </summary>
public sealed partial class RoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub, Fanout.RoomFanout fanout, ILogger<RoomBroadcaster> logger)
    : BackgroundService, IRoomEventSink
{
    /// <summary>How often pending events are flushed while this node has few room viewers.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between flushes, however many viewers this node serves.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Room frames per second this node aims to stay under. Each flush writes one frame to every viewer, and a frame
    /// costs a node far more than the bytes in it (pipe, transport and socket hops), so past
    /// <c>FrameBudget × 100 ms</c> viewers the batches grow longer instead of the frames more frequent.
    /// </summary>
    public const int FrameBudget = 25_000;

    /// <summary>The wait between flushes for <paramref name="viewers"/> room viewers on this node.</summary>
    public static TimeSpan IntervalFor(int viewers)
    {
        var wanted = TimeSpan.FromSeconds((double)viewers / FrameBudget);
        return wanted < FlushInterval ? FlushInterval : wanted > MaxFlushInterval ? MaxFlushInterval : wanted;
    }

    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<CommittedEvent>> _pending = new();

    /// <inheritdoc />
    public void Publish(IReadOnlyList<CommittedEvent> events)
    {
        foreach (var e in events) _pending.GetOrAdd(e.ConsultationId, _ => new ConcurrentQueue<CommittedEvent>()).Enqueue(e);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        var last = Stopwatch.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // The viewer count (a walk over this node's rooms) is taken only once the shortest interval has passed.
            var elapsed = Stopwatch.GetElapsedTime(last);
            if (elapsed < FlushInterval || elapsed < IntervalFor(fanout.Viewers)) continue;
            last = Stopwatch.GetTimestamp();
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
