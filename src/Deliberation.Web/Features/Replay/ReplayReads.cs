using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Replay;

/// <summary>A replayed comment as the replay page gets it (approved comments only).</summary>
public sealed record ReplayCommentDto(Guid Id, string AuthorName, string Tier, string? Sector, string Text, bool Pinned, DateTimeOffset At);

/// <summary>One window of replayed comments: those in [from, to) up to the page size, and where to go on when cut short.</summary>
public sealed record ReplayCommentsDto(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReplayCommentDto> Items, bool More, DateTimeOffset? Next);

/// <summary>
/// The replay's reads, always for a session <see cref="ReplayGate"/> admitted (the room's rows carry no organisation:
/// the session id is what scopes them, and the recordings are read through the organisation filter).
/// </summary>
public sealed class ReplayReads(HubDbContext db)
{
    /// <summary>Most comments one window answers.</summary>
    public const int PageSize = 200;

    /// <summary>The longest window a request may ask for; a longer one is cut to this.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromMinutes(10);

    /// <summary>The session's timeline: its moments from the room's events, placed in its recordings.</summary>
    public async Task<SessionTimeline> TimelineAsync(Guid sessionId, CancellationToken ct)
    {
        var types = TimelineBuilder.EventTypes.ToList();
        var events = await db.RoomEvents.AsNoTracking()
            .Where(e => e.ConsultationId == sessionId && types.Contains(e.Type))
            .OrderBy(e => e.Seq).ToListAsync(ct);
        var recordings = await db.StreamRecordings.AsNoTracking().Where(r => r.ConsultationId == sessionId).ToListAsync(ct);
        return TimelineBuilder.Build(events, recordings);
    }

    /// <summary>
    /// The comments the room showed in [<paramref name="from"/>, <paramref name="to"/>) (the window cut to
    /// <see cref="MaxWindow"/>), oldest first, at most <see cref="PageSize"/>: approved ones only — pending, rejected
    /// and hidden comments never replay. When cut short, <c>Next</c> is the time to ask from (the last one's, so the
    /// caller drops the ids it has).
    /// </summary>
    public async Task<ReplayCommentsDto> CommentsAsync(Guid sessionId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (to - from > MaxWindow) to = from + MaxWindow;
        if (to < from) to = from;
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == sessionId && c.Status == CommentStatus.Approved && c.CreatedAt >= from && c.CreatedAt < to)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(PageSize + 1)
            .Select(c => new ReplayCommentDto(c.Id, c.AuthorName, c.Tier.ToString(), c.Sector, c.Text, c.Pinned, c.CreatedAt))
            .ToListAsync(ct);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ReplayCommentsDto(from, to, rows, more, more ? rows[^1].At : null);
    }
}
