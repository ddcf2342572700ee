using System.Collections.Concurrent;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Deliberation.Core.Rooms.Writing;

/// <summary>
/// The per-room group committer of comments and questions. Each room has one queue and at most one drainer: the
/// drainer takes everything that arrived (up to <see cref="MaxGroup"/>) and writes it with one statement, one
/// transaction (<see cref="RoomPostStatement"/>), while the next posts gather behind it — so the busier the room, the
/// larger the groups, and a quiet room commits each post alone with no added wait. Each caller's task completes only after
/// PostgreSQL reported the commit; the group's events go to the broadcaster first, in sequence order. A failed group
/// fails every caller in it (<c>room.try_again</c> when the database is away) and committed nothing.
/// </summary>
public sealed partial class RoomPostWriter(NpgsqlDataSource dataSource, IRoomEventSink sink, ILogger<RoomPostWriter> logger)
{
    /// <summary>Most posts written by one statement.</summary>
    public const int MaxGroup = 256;

    /// <summary>How a post fared, and its event when it was shown.</summary>
    public readonly record struct Written(PostOutcome Outcome, CommittedEvent? Event);

    private sealed record Pending(RoomPost Post, TaskCompletionSource<Written> Done);

    private sealed class RoomQueue
    {
        public readonly ConcurrentQueue<Pending> Items = new();
        public int Draining;
    }

    // Keyed by room and the callers' organisation, so a group is written within one scope.
    private readonly ConcurrentDictionary<(Guid Room, Guid? Organization), RoomQueue> _rooms = new();

    /// <summary>
    /// Queues <paramref name="post"/> for <paramref name="roomId"/>, a room of <paramref name="organizationId"/> (the caller's
    /// scope; null only in the system scope); completes after its group committed (or failed).
    /// </summary>
    public Task<Written> WriteAsync(Guid roomId, Guid? organizationId, RoomPost post)
    {
        var queue = _rooms.GetOrAdd((roomId, organizationId), _ => new RoomQueue());
        var pending = new Pending(post, new TaskCompletionSource<Written>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Items.Enqueue(pending);
        if (Interlocked.CompareExchange(ref queue.Draining, 1, 0) == 0) _ = Task.Run(() => DrainAsync(roomId, organizationId, queue));
        return pending.Done.Task;
    }

    private async Task DrainAsync(Guid roomId, Guid? organizationId, RoomQueue queue)
    {
        var group = new List<Pending>(16);
        while (true)
        {
            while (group.Count < MaxGroup && queue.Items.TryDequeue(out var next)) group.Add(next);
            if (group.Count > 0)
            {
                await CommitAsync(roomId, organizationId, group).ConfigureAwait(false);
                group.Clear();
                continue;
            }
            // Hand the room back, then look once more: a comment queued just before the release has no drainer otherwise.
            Volatile.Write(ref queue.Draining, 0);
            if (queue.Items.IsEmpty || Interlocked.CompareExchange(ref queue.Draining, 1, 0) != 0) return;
        }
    }

    private async Task CommitAsync(Guid roomId, Guid? organizationId, List<Pending> group)
    {
        PostOutcome[] outcomes;
        try
        {
            outcomes = await RoomPostStatement.ExecuteAsync(dataSource, roomId, organizationId, group.ConvertAll(p => p.Post), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var transient = DatabaseFaults.IsTransient(ex);
            if (transient) LogGroupFailed(logger, roomId, group.Count, ex.GetBaseException().Message);
            // Unexpected failures go to each caller as they are: the hub filter logs them and answers room.server_error.
            foreach (var p in group) p.Done.TrySetException(transient ? RoomErrors.Fail(RoomErrors.TryAgain) : ex);
            return;
        }
        var events = new List<CommittedEvent>(group.Count);
        var written = new Written[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var post = group[i].Post;
            CommittedEvent? e = outcomes[i].Seq is long seq ? new CommittedEvent(roomId, seq, post.EventType, post.CreatedAt, post.ShownPayload!) : null;
            if (e is not null) events.Add(e);
            written[i] = new Written(outcomes[i], e);
        }
        if (events.Count > 0) sink.Publish(events);
        for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(written[i]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group of {Count} posts in room {RoomId} failed (database unavailable: {Reason}); its callers retry")]
    private static partial void LogGroupFailed(ILogger logger, Guid roomId, int count, string reason);
}
