using System.Collections.Concurrent;
using Deliberation.Core.Consultations;
using Npgsql;

namespace Deliberation.Core.Rooms.Writing;

/// <summary>
/// What a comment or question needs to know about its room before it is written: the room's status, the settings that shape a
/// comment (pre-moderation, sensitive words, current agenda item, public posting interval) and who is blocked.
/// </summary>
/// <param name="Status">The room's status when read.</param>
/// <param name="PreModeratePublic">Public comments wait for a moderator.</param>
/// <param name="PreModerateMembers">Members' comments wait too.</param>
/// <param name="PublicCommentIntervalSeconds">Seconds a public participant waits between posts.</param>
/// <param name="SensitiveWords">Words that send a comment to the queue.</param>
/// <param name="CurrentAgendaItemId">The agenda item under way.</param>
/// <param name="Blocked">Participant keys blocked in the room.</param>
public sealed record RoomShape(ConsultationStatus Status, bool PreModeratePublic, bool PreModerateMembers, int PublicCommentIntervalSeconds,
    IReadOnlyList<string> SensitiveWords, Guid? CurrentAgendaItemId, IReadOnlySet<string> Blocked);

/// <summary>
/// A per-node cache of <see cref="RoomShape"/>, so a comment costs no read round trip. This node drops a room's entry
/// whenever it commits a room action there (<see cref="RoomUnit"/>) or changes its block list; changes made on another
/// node show here within <see cref="MaxAge"/>. Only what shapes a comment comes from here: whether the room is live and
/// the author not blocked is decided again, exactly, inside the statement that writes the comments
/// (<see cref="RoomPostStatement"/>); the cached copy only refuses early, before the public posting interval is used up.
/// </summary>
public sealed class RoomShapeCache(NpgsqlDataSource dataSource)
{
    /// <summary>How long a copy read from the database is used before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private sealed record Entry(Task<RoomShape?> Load, long LoadedAt, long Generation);

    // Keyed by room and the callers' organisation: a copy is read within one scope and serves only that scope.
    private readonly ConcurrentDictionary<(Guid Room, Guid? Organization), Entry> _rooms = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    /// <summary>
    /// The room's shape, from the cache when fresh enough; null when there is no such room in
    /// <paramref name="organizationId"/> (the caller's scope; null only in the system scope).
    /// </summary>
    public async Task<RoomShape?> GetAsync(Guid roomId, Guid? organizationId, CancellationToken ct)
    {
        var generation = _generations.GetValueOrDefault(roomId);
        if (_rooms.TryGetValue((roomId, organizationId), out var entry) && entry.Generation == generation
            && Environment.TickCount64 - entry.LoadedAt < (long)MaxAge.TotalMilliseconds && !entry.Load.IsFaulted && !entry.Load.IsCanceled)
        {
            return await entry.Load.WaitAsync(ct).ConfigureAwait(false);
        }
        // Stamped with the generation seen before the read: an invalidation that lands meanwhile makes it stale at once.
        var fresh = new Entry(LoadAsync(roomId, organizationId), Environment.TickCount64, generation);
        _rooms[(roomId, organizationId)] = fresh;
        return await fresh.Load.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Forgets the room's copy: this node just changed the room (settings, agenda, status, blocks).</summary>
    public void Invalidate(Guid roomId)
    {
        _generations.AddOrUpdate(roomId, 1, (_, g) => g + 1); // every scope's copy of the room is stale from here
    }

    /// <summary>
    /// Reads the room row and its block list by id. Raw SQL on purpose (no context, no tracking); the room id always
    /// comes from a session the room admitted (RoomHub's <c>Current()</c>), as for every live-room child row.
    /// </summary>
    private async Task<RoomShape?> LoadAsync(Guid roomId, Guid? organizationId)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT "Status", "Room_PreModeratePublic", "Room_PreModerateMembers", "Room_PublicCommentIntervalSeconds",
                   "Room_SensitiveWords", "Room_CurrentAgendaItemId",
                   ARRAY(SELECT "ParticipantKey" FROM "RoomBlocks" WHERE "ConsultationId" = $1)
            FROM "Consultations" WHERE "Id" = $1 AND ($2::uuid IS NULL OR "OrganizationId" = $2)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = roomId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)organizationId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using var reader = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
        return new RoomShape(Enum.Parse<ConsultationStatus>(reader.GetString(0)), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetInt32(3),
            reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetGuid(5),
            new HashSet<string>(reader.GetFieldValue<string[]>(6), StringComparer.Ordinal));
    }
}
