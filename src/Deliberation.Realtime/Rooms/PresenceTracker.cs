using Deliberation.Core.Tenancy;
using System.Collections.Concurrent;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Who is online in each room, by tier. This node counts its own connections; <see cref="IPresenceStore"/>
/// sums the nodes (in memory for one node, in Redis for several). Once a second every active room gets a
/// PresenceChanged carrying its last sequence (from one node), the room's peak and its distinct viewers so far; a new peak
/// or viewer count is written for the minutes — to the room's own <see cref="RoomPeak"/> row, never to the session row,
/// whose row version guards the moderator's writes. A join only queues the viewer's key (the join is a hot path); the
/// tick hands this node's new keys to the store (a set in memory, a HyperLogLog in Redis) and reads the distinct count.
/// </summary>
public sealed partial class PresenceTracker(IPresenceStore store, IServiceScopeFactory scopes, IHubContext<RoomHub, IRoomClient> hub,
    ILogger<PresenceTracker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (Guid Room, ParticipantTier Tier)> _connections = new();
    private readonly ConcurrentDictionary<Guid, int[]> _local = new();
    private readonly ConcurrentDictionary<Guid, PresenceView> _lastSent = new();
    private readonly ConcurrentDictionary<Guid, (int Peak, int Viewers)> _written = new();
    private readonly ConcurrentDictionary<Guid, (int Peak, int Viewers)> _known = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> _joined = new();
    private const int MaxQueuedViewers = 100_000;

    /// <summary>Counts a connection in a room (a connection is in one room at a time); <paramref name="viewerKey"/>, when
    /// given, counts the person among the room's distinct viewers.</summary>
    public void Enter(string connectionId, Guid roomId, ParticipantTier tier, string? viewerKey = null)
    {
        Leave(connectionId);
        if (viewerKey is not null)
        {
            var queue = _joined.GetOrAdd(roomId, _ => new ConcurrentQueue<string>());
            if (queue.Count < MaxQueuedViewers) queue.Enqueue(viewerKey);
        }
        _connections[connectionId] = (roomId, tier);
        var counts = _local.GetOrAdd(roomId, _ => new int[Enum.GetValues<ParticipantTier>().Length]);
        Interlocked.Increment(ref counts[(int)tier]);
    }

    /// <summary>Stops counting a connection.</summary>
    public void Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var at) && _local.TryGetValue(at.Room, out var counts))
        {
            Interlocked.Decrement(ref counts[(int)at.Tier]);
        }
    }

    /// <summary>The room's presence as last computed (room-wide).</summary>
    public async Task<PresenceView> CurrentAsync(Guid roomId) =>
        _lastSent.TryGetValue(roomId, out var p) ? p : await store.RoomWideAsync(roomId, Local(roomId)).ConfigureAwait(false);

    private int[] Local(Guid roomId) => _local.TryGetValue(roomId, out var c) ? c.ToArray() : new int[Enum.GetValues<ParticipantTier>().Length];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var rooms = _local.Keys.Concat(await store.ActiveRoomsAsync().ConfigureAwait(false)).Distinct().ToList();
        if (rooms.Count == 0) return;
        var seqs = await LastSeqsAsync(rooms, ct).ConfigureAwait(false);
        await SeedAsync(rooms, ct).ConfigureAwait(false);
        foreach (var roomId in rooms)
        {
            var view = (await store.RoomWideAsync(roomId, Local(roomId)).ConfigureAwait(false)) with { Seq = seqs.GetValueOrDefault(roomId) };
            var known = _known.GetValueOrDefault(roomId);
            var viewers = await CountViewersAsync(roomId).ConfigureAwait(false) ?? known.Viewers;
            known = (Math.Max(known.Peak, view.Total), Math.Max(known.Viewers, viewers));
            _known[roomId] = known;
            view = view with { Peak = known.Peak, TotalViewers = known.Viewers };
            // Pushed every second even when nothing changed: the sequence lets a client that lost the last batch
            // (a Redis outage, a node gone mid-send) notice the trailing gap and resume.
            _lastSent[roomId] = view;
            if (await store.ShouldPushAsync(roomId).ConfigureAwait(false))
            {
                await hub.Clients.Group(RoomGroups.Room(roomId)).PresenceChanged(view).ConfigureAwait(false);
            }
            var written = _written.GetValueOrDefault(roomId);
            if (known.Peak > written.Peak || known.Viewers > written.Viewers)
            {
                _written[roomId] = known;
                await using var scope = scopes.CreateSystemScope("presence: peak online of any room");
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                await RoomPeaks.RaiseAsync(db, roomId, known.Peak, known.Viewers, ct).ConfigureAwait(false);
            }
            if (view.Total == 0 && _local.TryGetValue(roomId, out var counts) && counts.All(c => c == 0))
            {
                _local.TryRemove(roomId, out _);
                _lastSent.TryRemove(roomId, out _);
                // Seeded again from the stored row if people come back.
                if (!_joined.TryGetValue(roomId, out var q) || q.IsEmpty)
                {
                    _known.TryRemove(roomId, out _);
                    _written.TryRemove(roomId, out _);
                }
            }
        }
    }

    /// <summary>Hands the viewers that joined this node since the last tick to the store; they wait for the next tick
    /// while the store cannot count.</summary>
    private async Task<int?> CountViewersAsync(Guid roomId)
    {
        var joined = new List<string>();
        if (_joined.TryGetValue(roomId, out var queue))
        {
            while (queue.TryDequeue(out var key)) joined.Add(key);
        }
        var count = await store.CountViewersAsync(roomId, joined).ConfigureAwait(false);
        if (count is null && queue is not null) foreach (var key in joined.Take(MaxQueuedViewers)) queue.Enqueue(key);
        return count;
    }

    /// <summary>A room first seen on this node starts from its stored peak and viewers (one query for all such rooms),
    /// so a restarted node never pushes a lower peak than the minutes already hold.</summary>
    private async Task SeedAsync(List<Guid> rooms, CancellationToken ct)
    {
        var fresh = rooms.Where(r => !_known.ContainsKey(r)).ToList();
        if (fresh.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateSystemScope("presence: stored peaks of any room");
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var stored = await db.RoomPeaks.AsNoTracking().Where(p => fresh.Contains(p.ConsultationId))
                .ToDictionaryAsync(p => p.ConsultationId, p => (p.PeakOnline, p.TotalViewers), ct).ConfigureAwait(false);
            foreach (var room in fresh)
            {
                var seed = stored.GetValueOrDefault(room);
                _known.TryAdd(room, seed);
                _written.TryAdd(room, seed);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogSeqUnavailable(logger, ex.GetBaseException().Message); // seeded on a later tick
        }
    }

    /// <summary>The rooms' last committed sequences (one query); the last known ones while the database is away.</summary>
    private async Task<Dictionary<Guid, long>> LastSeqsAsync(List<Guid> rooms, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope("presence: last sequences of any room");
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            return await db.RoomStreams.Where(s => rooms.Contains(s.ConsultationId))
                .ToDictionaryAsync(s => s.ConsultationId, s => s.LastSeq, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogSeqUnavailable(logger, ex.GetBaseException().Message);
            return _lastSent.ToDictionary(kv => kv.Key, kv => kv.Value.Seq);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room sequences unavailable for the presence push: {Reason}")]
    private static partial void LogSeqUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
