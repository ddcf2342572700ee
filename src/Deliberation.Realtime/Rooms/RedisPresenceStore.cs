using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Several nodes: each node writes its own counts for a room to the hash <c>{prefix}:presence:{room}:{node}</c>
/// with a 5 s TTL (refreshed every second by <see cref="PresenceTracker"/>) and adds itself to the room's node set;
/// the room-wide count is the sum over node hashes that still exist, so a crashed node drops out within 5 s. When
/// Redis is away the node falls back to its own counts until it is back.
/// </summary>
public sealed partial class RedisPresenceStore : IPresenceStore, IAsyncDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PushLease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ViewersTtl = TimeSpan.FromDays(2);
    private static readonly ParticipantTier[] Tiers = Enum.GetValues<ParticipantTier>();

    private readonly string _prefix;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly ILogger<RedisPresenceStore> _logger;

    /// <summary>Connects lazily to <c>Realtime:Redis</c>.</summary>
    public RedisPresenceStore(IOptions<RealtimeOptions> options, ILogger<RedisPresenceStore> logger)
    {
        _logger = logger;
        _prefix = options.Value.ChannelPrefix + ":presence";
        var config = ConfigurationOptions.Parse(options.Value.Redis!);
        config.AbortOnConnectFail = false;
        _redis = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(config));
    }

    /// <inheritdoc />
    public async Task<PresenceView> RoomWideAsync(Guid roomId, int[] localCountsByTier)
    {
        try
        {
            var db = (await _redis.Value.ConfigureAwait(false)).GetDatabase();
            var mine = NodeKey(roomId, _node);
            var nodesKey = NodesKey(roomId);
            if (localCountsByTier.Sum() > 0)
            {
                var write = db.CreateTransaction();
                _ = write.HashSetAsync(mine, Tiers.Select(t => new HashEntry(t.ToString(), localCountsByTier[(int)t])).ToArray());
                _ = write.KeyExpireAsync(mine, Ttl);
                _ = write.SetAddAsync(nodesKey, _node);
                _ = write.KeyExpireAsync(nodesKey, Ttl);
                _ = write.SetAddAsync(RoomsKey, roomId.ToString());
                await write.ExecuteAsync().ConfigureAwait(false);
            }
            else
            {
                await db.KeyDeleteAsync(mine).ConfigureAwait(false);
            }
            var total = new int[Tiers.Length];
            foreach (var node in await db.SetMembersAsync(nodesKey).ConfigureAwait(false))
            {
                var entries = await db.HashGetAllAsync(NodeKey(roomId, node!)).ConfigureAwait(false);
                if (entries.Length == 0)
                {
                    await db.SetRemoveAsync(nodesKey, node).ConfigureAwait(false);
                    continue;
                }
                foreach (var e in entries)
                {
                    if (Enum.TryParse<ParticipantTier>(e.Name!, out var tier)) total[(int)tier] += (int)e.Value;
                }
            }
            return IPresenceStore.ToView(total);
        }
        catch (RedisException ex)
        {
            LogRedisAway(_logger, ex.Message);
            return IPresenceStore.ToView(localCountsByTier);
        }
    }

    /// <inheritdoc />
    /// <remarks>A HyperLogLog per room (PFADD/PFCOUNT, about 0.8% error, 12 KB at most), kept two days after the last join.</remarks>
    public async Task<int?> CountViewersAsync(Guid roomId, IReadOnlyCollection<string> joined)
    {
        try
        {
            var db = (await _redis.Value.ConfigureAwait(false)).GetDatabase();
            var key = $"{_prefix}:{roomId}:viewers";
            if (joined.Count > 0)
            {
                var add = db.CreateBatch();
                var added = add.HyperLogLogAddAsync(key, joined.Select(k => (RedisValue)k).ToArray());
                var expired = add.KeyExpireAsync(key, ViewersTtl);
                add.Execute();
                await Task.WhenAll(added, expired).ConfigureAwait(false);
            }
            return (int)Math.Min(int.MaxValue, await db.HyperLogLogLengthAsync(key).ConfigureAwait(false));
        }
        catch (RedisException ex)
        {
            LogRedisAway(_logger, ex.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<Guid>> ActiveRoomsAsync()
    {
        try
        {
            var db = (await _redis.Value.ConfigureAwait(false)).GetDatabase();
            var rooms = new List<Guid>();
            foreach (var member in await db.SetMembersAsync(RoomsKey).ConfigureAwait(false))
            {
                if (!Guid.TryParse(member.ToString(), out var room)) continue;
                if (await db.KeyExistsAsync(NodesKey(room)).ConfigureAwait(false)) rooms.Add(room);
                else await db.SetRemoveAsync(RoomsKey, member).ConfigureAwait(false);
            }
            return rooms;
        }
        catch (RedisException ex)
        {
            LogRedisAway(_logger, ex.Message);
            return [];
        }
    }

    /// <inheritdoc />
    public async Task<bool> ShouldPushAsync(Guid roomId)
    {
        try
        {
            var db = (await _redis.Value.ConfigureAwait(false)).GetDatabase();
            var key = $"{_prefix}:{roomId}:pusher";
            if (await db.StringSetAsync(key, _node, PushLease, When.NotExists).ConfigureAwait(false)) return true;
            if (await db.StringGetAsync(key).ConfigureAwait(false) != _node) return false;
            await db.KeyExpireAsync(key, PushLease).ConfigureAwait(false);
            return true;
        }
        catch (RedisException)
        {
            // Without Redis no group message crosses nodes anyway; pushing to this node's own clients is harmless.
            return true;
        }
    }

    private string RoomsKey => $"{_prefix}:rooms";

    private string NodesKey(Guid roomId) => $"{_prefix}:{roomId}:nodes";

    private string NodeKey(Guid roomId, string node) => $"{_prefix}:{roomId}:{node}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated) await (await _redis.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence store unavailable, counting this node only: {Reason}")]
    private static partial void LogRedisAway(ILogger logger, string reason);
}
