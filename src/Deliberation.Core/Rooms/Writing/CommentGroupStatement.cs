using Deliberation.Core.Consultations;
using Npgsql;
using NpgsqlTypes;

namespace Deliberation.Core.Rooms.Writing;

/// <summary>A comment ready to be written: the row, and the event payload when it is shown at once.</summary>
/// <param name="Comment">The row (its status already decided from the room's settings).</param>
/// <param name="ShownPayload">The <see cref="RoomEventTypes.CommentShown"/> payload as JSON, or null when it waits for review.</param>
public sealed record CommentDraft(Comment Comment, string? ShownPayload);

/// <summary>How one comment of a group fared.</summary>
/// <param name="RoomStatus">The room's status as the statement saw it (null: no such room).</param>
/// <param name="Written">Whether the row was inserted (false: room not live, or author blocked).</param>
/// <param name="Seq">The sequence of its <see cref="RoomEventTypes.CommentShown"/> event, when it was shown.</param>
public readonly record struct CommentOutcome(ConsultationStatus? RoomStatus, bool Written, long? Seq);

/// <summary>
/// Writes a group of one room's comments in ONE statement, which PostgreSQL runs as one transaction (autocommit): the
/// comments of authors not blocked are inserted only if the room is live, the room's sequence row is advanced once by
/// the number of comments shown, and their events take the numbers in arrival order. The sequence row's lock is thus
/// held for the rest of this statement only, and nothing is acknowledged before PostgreSQL reports the commit.
/// </summary>
public static class CommentGroupStatement
{
    private const string Sql = """
        WITH room AS (
            SELECT "Status" FROM "Consultations" WHERE "Id" = $1
        ), input AS (
            SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                                 $10::uuid[], $11::timestamptz[], $12::text[])
                WITH ORDINALITY AS i(id, author_key, author_name, tier, sector, body, status, flag, agenda, created, payload, ord)
        ), accepted AS (
            SELECT i.* FROM input i
            WHERE (SELECT "Status" FROM room) = 'Live'
              AND NOT EXISTS (SELECT 1 FROM "RoomBlocks" b WHERE b."ConsultationId" = $1 AND b."ParticipantKey" = i.author_key)
        ), inserted AS (
            INSERT INTO "Comments" ("Id", "ConsultationId", "AuthorKey", "AuthorName", "Tier", "Sector", "Text", "Status", "Pinned",
                                    "FlagReason", "ReportCount", "Likes", "CreatedAt", "AgendaItemId")
            SELECT id, $1, author_key, author_name, tier, sector, body, status, false, flag, 0, 0, created, agenda FROM accepted
        ), shown AS (
            SELECT ord, created, payload, row_number() OVER (ORDER BY ord) AS n, count(*) OVER () AS total
            FROM accepted WHERE payload IS NOT NULL
        ), stream AS (
            INSERT INTO "RoomStreams" ("ConsultationId", "LastSeq") SELECT $1, count(*) FROM shown HAVING count(*) > 0
            ON CONFLICT ("ConsultationId") DO UPDATE SET "LastSeq" = "RoomStreams"."LastSeq" + EXCLUDED."LastSeq"
            RETURNING "LastSeq"
        ), numbered AS (
            SELECT s.ord, s.created, s.payload, st."LastSeq" - s.total + s.n AS seq FROM shown s CROSS JOIN stream st
        ), events AS (
            INSERT INTO "RoomEvents" ("ConsultationId", "Seq", "Type", "Payload", "At")
            SELECT $1, seq, 'CommentShown', payload::jsonb, created FROM numbered
        )
        SELECT (SELECT "Status" FROM room), a.ord IS NOT NULL, n.seq
        FROM input i LEFT JOIN accepted a ON a.ord = i.ord LEFT JOIN numbered n ON n.ord = i.ord
        ORDER BY i.ord
        """;

    /// <summary>Runs the statement for <paramref name="group"/> (all of <paramref name="roomId"/>); outcomes in the same order.</summary>
    public static async Task<CommentOutcome[]> ExecuteAsync(NpgsqlDataSource dataSource, Guid roomId, IReadOnlyList<CommentDraft> group, CancellationToken ct)
    {
        var n = group.Count;
        var (ids, keys, names, tiers, sectors, texts) = (new Guid[n], new string[n], new string[n], new string[n], new string?[n], new string[n]);
        var (statuses, flags, agenda, created, payloads) = (new string[n], new string?[n], new Guid?[n], new DateTimeOffset[n], new string?[n]);
        for (var i = 0; i < n; i++)
        {
            var c = group[i].Comment;
            (ids[i], keys[i], names[i], tiers[i], sectors[i], texts[i]) = (c.Id, c.AuthorKey, c.AuthorName, c.Tier.ToString(), c.Sector, c.Text);
            (statuses[i], flags[i], agenda[i], created[i], payloads[i]) = (c.Status.ToString(), c.FlagReason, c.AgendaItemId, c.CreatedAt, group[i].ShownPayload);
        }
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = roomId });
        foreach (var array in new object[] { ids, keys, names, tiers, sectors, texts, statuses, flags, agenda })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        cmd.Parameters.Add(new NpgsqlParameter { Value = created, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = payloads });
        var outcomes = new CommentOutcome[n];
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < n && await reader.ReadAsync(ct).ConfigureAwait(false); i++)
        {
            ConsultationStatus? status = reader.IsDBNull(0) ? null : Enum.Parse<ConsultationStatus>(reader.GetString(0));
            outcomes[i] = new CommentOutcome(status, reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }
        // The rows arrive before the implicit COMMIT ends; closing the reader waits for it (and throws if it failed).
        await reader.DisposeAsync().ConfigureAwait(false);
        return outcomes;
    }
}
