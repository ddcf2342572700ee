using System.Text.Json;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Core.Rooms;

/// <summary>
/// One room action as one transaction: the record changes, then the events with their sequence numbers, then
/// commit. Sequence numbers come from the room's <see cref="RoomStream"/> row, whose row lock is held only from
/// allocation to commit; a rolled-back action therefore leaves no gap.
/// </summary>
public sealed class RoomUnit : IAsyncDisposable
{
    /// <summary>
    /// JSON shape of event payloads: camelCase, Chinese kept readable, enums by name — the same shape SignalR gives
    /// the snapshot, so an item reads alike whether it came with the join or with a live event.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly HubDbContext _db;
    private readonly IDbContextTransaction _tx;
    private readonly List<(string Type, string Payload)> _pending = [];
    private readonly DateTimeOffset _now;
    private readonly Action? _committed;

    private RoomUnit(HubDbContext db, IDbContextTransaction tx, Guid roomId, DateTimeOffset now, Action? committed)
    {
        _db = db;
        _tx = tx;
        RoomId = roomId;
        _now = now;
        _committed = committed;
    }

    /// <summary>The room.</summary>
    public Guid RoomId { get; }

    /// <summary>Starts a unit for <paramref name="roomId"/>; <paramref name="committed"/> runs once it has committed.</summary>
    public static async Task<RoomUnit> BeginAsync(HubDbContext db, Guid roomId, DateTimeOffset now, CancellationToken ct, Action? committed = null) =>
        new(db, await db.Database.BeginTransactionAsync(ct), roomId, now, committed);

    /// <summary>Queues an event for the room's public stream; it gets its sequence at commit.</summary>
    public void Publish<T>(string type, T payload) => _pending.Add((type, JsonSerializer.Serialize(payload, Json)));

    /// <summary>Saves the changes and the events, commits, and returns the events as committed.</summary>
    public async Task<IReadOnlyList<CommittedEvent>> CommitAsync(CancellationToken ct)
    {
        await _db.SaveChangesAsync(ct);
        var committed = new List<CommittedEvent>(_pending.Count);
        if (_pending.Count > 0)
        {
            var n = _pending.Count;
            var last = (await _db.Database.SqlQuery<long>($"""
                INSERT INTO "RoomStreams" ("ConsultationId", "LastSeq") VALUES ({RoomId}, {(long)n})
                ON CONFLICT ("ConsultationId") DO UPDATE SET "LastSeq" = "RoomStreams"."LastSeq" + {(long)n}
                RETURNING "LastSeq" AS "Value"
                """).ToListAsync(ct)).Single();
            var seq = last - n;
            foreach (var (type, payload) in _pending)
            {
                seq++;
                _db.RoomEvents.Add(new RoomEvent { ConsultationId = RoomId, Seq = seq, Type = type, Payload = payload, At = _now });
                committed.Add(new CommittedEvent(RoomId, seq, type, _now, payload));
            }
            await _db.SaveChangesAsync(ct);
        }
        await _tx.CommitAsync(ct);
        _committed?.Invoke();
        return committed;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _tx.DisposeAsync();
}
