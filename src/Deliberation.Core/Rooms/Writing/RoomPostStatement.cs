using Deliberation.Core.Consultations;
using Npgsql;
using NpgsqlTypes;

namespace Deliberation.Core.Rooms.Writing;

/// <summary>What kind of post a <see cref="RoomPost"/> is: its table and the event that shows it.</summary>
public enum RoomPostKind
{
    /// <summary>A comment (留言): a row of "Comments", shown by <see cref="RoomEventTypes.CommentShown"/>.</summary>
    Comment,
    /// <summary>A question (提问): a row of "Questions", shown by <see cref="RoomEventTypes.QuestionAsked"/>.</summary>
    Question,
}

/// <summary>A comment or question ready to be written, its status already decided from the room's settings.</summary>
/// <param name="Kind">Comment or question.</param>
/// <param name="Id">The new row's id.</param>
/// <param name="AuthorKey">The author's participant key.</param>
/// <param name="AuthorName">Name shown.</param>
/// <param name="Tier">The author's tier.</param>
/// <param name="Sector">The author's sector (comments only).</param>
/// <param name="Text">The cleaned text.</param>
/// <param name="Status">The row's status as stored (e.g. Approved, Pending, Open).</param>
/// <param name="FlagReason">Why it went to the queue, if it did.</param>
/// <param name="AgendaItemId">The agenda item under way (comments only).</param>
/// <param name="CreatedAt">Posting time; also the time of its event.</param>
/// <param name="ShownPayload">The event payload as JSON when it is shown at once; null when it waits for review.</param>
public sealed record RoomPost(RoomPostKind Kind, Guid Id, string AuthorKey, string AuthorName, ParticipantTier Tier, string? Sector, string Text,
    string Status, string? FlagReason, Guid? AgendaItemId, DateTimeOffset CreatedAt, string? ShownPayload)
{
    /// <summary>The event that shows it.</summary>
    public string EventType => Kind == RoomPostKind.Comment ? RoomEventTypes.CommentShown : RoomEventTypes.QuestionAsked;

    /// <summary>A comment row as a post.</summary>
    public static RoomPost Of(Comment c, string? shownPayload) => new(RoomPostKind.Comment, c.Id, c.AuthorKey, c.AuthorName, c.Tier, c.Sector,
        c.Text, c.Status.ToString(), c.FlagReason, c.AgendaItemId, c.CreatedAt, shownPayload);

    /// <summary>A question row as a post.</summary>
    public static RoomPost Of(Question q, string? shownPayload) => new(RoomPostKind.Question, q.Id, q.AuthorKey, q.AuthorName, q.Tier, null,
        q.Text, q.Status.ToString(), q.FlagReason, null, q.CreatedAt, shownPayload);
}

/// <summary>How one post of a group fared.</summary>
/// <param name="RoomStatus">The room's status as the statement saw it (null: no such room).</param>
/// <param name="Written">Whether the row was inserted (false: room not live, or author blocked).</param>
/// <param name="Seq">The sequence of the event that shows it, when it was shown.</param>
public readonly record struct PostOutcome(ConsultationStatus? RoomStatus, bool Written, long? Seq);

/// <summary>
/// Writes a group of one room's comments and questions in ONE statement, which PostgreSQL runs as one transaction
/// (autocommit): the posts of authors not blocked are inserted only if the room is live, the room's sequence row is
/// advanced once by the number of posts shown, and their events take the numbers in arrival order. The room row is
/// read FOR KEY SHARE first: the lock the rows' foreign keys take anyway, taken before the sequence row's, in the same
/// order as the room actions that lock the room row (status, agenda) and then the sequence — so the two never deadlock,
/// and a group that waited for the room to end sees it ended. The sequence row's lock is thus
/// held for the rest of this statement only, and nothing is acknowledged before PostgreSQL reports the commit.
/// </summary>
public static class RoomPostStatement
{
    private const string Sql = """
        WITH room AS (
            SELECT "Status" FROM "Consultations" WHERE "Id" = $1 AND ($14::uuid IS NULL OR "OrganizationId" = $14) FOR KEY SHARE
        ), input AS (
            SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                                 $10::uuid[], $11::timestamptz[], $12::text[], $13::text[])
                WITH ORDINALITY AS i(id, author_key, author_name, tier, sector, body, status, flag, agenda, created, payload, event_type, ord)
        ), accepted AS (
            SELECT i.* FROM input i
            WHERE (SELECT "Status" FROM room) = 'Live'
              AND NOT EXISTS (SELECT 1 FROM "RoomBlocks" b WHERE b."ConsultationId" = $1 AND b."ParticipantKey" = i.author_key)
        ), comments AS (
            INSERT INTO "Comments" ("Id", "ConsultationId", "AuthorKey", "AuthorName", "Tier", "Sector", "Text", "Status", "Pinned",
                                    "FlagReason", "ReportCount", "Likes", "CreatedAt", "AgendaItemId")
            SELECT id, $1, author_key, author_name, tier, sector, body, status, false, flag, 0, 0, created, agenda
            FROM accepted WHERE event_type = 'CommentShown'
        ), questions AS (
            INSERT INTO "Questions" ("Id", "ConsultationId", "AuthorKey", "AuthorName", "Tier", "Text", "Status", "Votes", "MergedCount",
                                     "FlagReason", "CreatedAt")
            SELECT id, $1, author_key, author_name, tier, body, status, 0, 0, flag, created
            FROM accepted WHERE event_type = 'QuestionAsked'
        ), shown AS (
            SELECT ord, created, payload, event_type, row_number() OVER (ORDER BY ord) AS n, count(*) OVER () AS total
            FROM accepted WHERE payload IS NOT NULL
        ), stream AS (
            INSERT INTO "RoomStreams" ("ConsultationId", "LastSeq") SELECT $1, count(*) FROM shown HAVING count(*) > 0
            ON CONFLICT ("ConsultationId") DO UPDATE SET "LastSeq" = "RoomStreams"."LastSeq" + EXCLUDED."LastSeq"
            RETURNING "LastSeq"
        ), numbered AS (
            SELECT s.ord, s.created, s.payload, s.event_type, st."LastSeq" - s.total + s.n AS seq FROM shown s CROSS JOIN stream st
        ), events AS (
            INSERT INTO "RoomEvents" ("ConsultationId", "Seq", "Type", "Payload", "At")
            SELECT $1, seq, event_type, payload::jsonb, created FROM numbered
        )
        SELECT (SELECT "Status" FROM room), a.ord IS NOT NULL, n.seq
        FROM input i LEFT JOIN accepted a ON a.ord = i.ord LEFT JOIN numbered n ON n.ord = i.ord
        ORDER BY i.ord
        """;

    /// <summary>
    /// Runs the statement for <paramref name="group"/> (all of <paramref name="roomId"/>); outcomes in the same order. The
    /// room counts only within <paramref name="organizationId"/> (the caller's scope; null only in the system scope), as an
    /// EF query filter would limit it: a room of another body reads as no room, and nothing is written.
    /// </summary>
    public static async Task<PostOutcome[]> ExecuteAsync(NpgsqlDataSource dataSource, Guid roomId, Guid? organizationId, IReadOnlyList<RoomPost> group,
        CancellationToken ct)
    {
        var n = group.Count;
        var (ids, keys, names, tiers, sectors, texts) = (new Guid[n], new string[n], new string[n], new string[n], new string?[n], new string[n]);
        var (statuses, flags, agenda, created, payloads, types) = (new string[n], new string?[n], new Guid?[n], new DateTimeOffset[n], new string?[n], new string[n]);
        for (var i = 0; i < n; i++)
        {
            var p = group[i];
            (ids[i], keys[i], names[i], tiers[i], sectors[i], texts[i]) = (p.Id, p.AuthorKey, p.AuthorName, p.Tier.ToString(), p.Sector, p.Text);
            (statuses[i], flags[i], agenda[i], created[i], payloads[i], types[i]) = (p.Status, p.FlagReason, p.AgendaItemId, p.CreatedAt, p.ShownPayload, p.EventType);
        }
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = roomId });
        foreach (var array in new object[] { ids, keys, names, tiers, sectors, texts, statuses, flags, agenda })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        cmd.Parameters.Add(new NpgsqlParameter { Value = created, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = payloads });
        cmd.Parameters.Add(new NpgsqlParameter { Value = types });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)organizationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var outcomes = new PostOutcome[n];
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < n && await reader.ReadAsync(ct).ConfigureAwait(false); i++)
        {
            ConsultationStatus? status = reader.IsDBNull(0) ? null : Enum.Parse<ConsultationStatus>(reader.GetString(0));
            outcomes[i] = new PostOutcome(status, reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }
        // The rows arrive before the implicit COMMIT ends; closing the reader waits for it (and throws if it failed).
        await reader.DisposeAsync().ConfigureAwait(false);
        return outcomes;
    }
}
