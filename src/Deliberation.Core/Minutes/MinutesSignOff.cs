using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Minutes;

/// <summary>
/// Review and sign-off: submit, return, sign (签发), publish, correct and re-send. Publishing (and correcting)
/// asks for the public files in the same transaction (<see cref="MinutesWork"/>) and tells every
/// <see cref="IMinutesPublishedListener"/> after the commit. Who may sign is decided by the caller's policy.
/// </summary>
public sealed class MinutesSignOff(HubDbContext db, MinutesCommands commands, TimeProvider clock, IEnumerable<IMinutesPublishedListener> listeners)
{
    /// <summary>Moves the minutes to <paramref name="next"/>; illegal moves throw <see cref="DomainException"/>.</summary>
    public async Task MoveAsync(Guid minutesId, MinutesStatus next, Actor actor, CancellationToken ct = default)
    {
        var minutes = await LoadAsync(minutesId, ct);
        var before = minutes.Status;
        minutes.MoveTo(next, actor.Name, clock.GetUtcNow());
        if (next == MinutesStatus.Published) MinutesWork.RequestPublicFiles(db, minutes, minutes.CurrentVersionNo, clock.GetUtcNow());
        AuditLog.Record(db, actor, "minutes.status", "Minutes", minutes.Id, new { Status = before }, new { minutes.Status, minutes.CurrentVersionNo }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (next == MinutesStatus.Published) await NotifyAsync(minutes, ct);
    }

    /// <summary>
    /// Corrects published minutes: the published versions stay as they were; the correction is a new version,
    /// with its reason, that becomes the published one. Listeners hear it again (same keys, no duplicates).
    /// </summary>
    public async Task<int> CorrectAsync(Guid minutesId, string markdown, string reason, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("minutes.reason_required");
        var minutes = await LoadAsync(minutesId, ct);
        if (minutes.Status != MinutesStatus.Published) throw new DomainException("minutes.not_published");
        markdown = MinutesCommands.Normalize(markdown);
        var current = await db.MinutesVersions.Where(v => v.MinutesId == minutesId && v.No == minutes.CurrentVersionNo).Select(v => v.Markdown).SingleAsync(ct);
        if (current == markdown) throw new DomainException("minutes.unchanged");
        commands.AddVersion(minutes, MinutesVersionKind.Correction, markdown, actor, reason.Trim().Length > 500 ? reason.Trim()[..500] : reason.Trim());
        minutes.PublishedVersionNo = minutes.CurrentVersionNo;
        MinutesWork.RequestPublicFiles(db, minutes, minutes.CurrentVersionNo, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (MinutesCommands.IsUniqueViolation(ex))
        {
            throw new DomainException("minutes.stale");
        }
        await NotifyAsync(minutes, ct);
        return minutes.CurrentVersionNo;
    }

    /// <summary>Tells the listeners about the published version again (e.g. after the follow-up side was down).</summary>
    public async Task ResendAsync(Guid minutesId, Actor actor, CancellationToken ct = default)
    {
        var minutes = await LoadAsync(minutesId, ct);
        if (minutes.Status != MinutesStatus.Published) throw new DomainException("minutes.not_published");
        AuditLog.Record(db, actor, "minutes.resend", "Minutes", minutes.Id, after: new { minutes.PublishedVersionNo }, at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await NotifyAsync(minutes, ct);
    }

    /// <summary>The event for the published version of <paramref name="minutes"/>.</summary>
    public async Task<MinutesPublished> DescribePublishedAsync(MinutesDocument minutes, CancellationToken ct = default)
    {
        var no = minutes.PublishedVersionNo ?? throw new DomainException("minutes.not_published");
        var version = await db.MinutesVersions.AsNoTracking().SingleAsync(v => v.MinutesId == minutes.Id && v.No == no, ct);
        var read = RecommendationReader.Read(version.Markdown);
        var ids = read.Select(r => r.OutcomeId).ToList();
        var outcomes = await db.RoomOutcomes.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.ConsultationId == minutes.ConsultationId && o.Kind == OutcomeKind.Recommendation)
            .ToDictionaryAsync(o => o.Id, ct);
        var recommendations = read.Where(r => outcomes.ContainsKey(r.OutcomeId)).Select((r, i) =>
        {
            var o = outcomes[r.OutcomeId];
            var key = $"outcome:{o.Id}";
            return new PublishedRecommendation(i + 1, key, r.Text, o.DepartmentId, [key, .. o.SourceRefs.Where(s => s != key)]);
        }).ToList();
        var title = MinutesMarkup.Lines(version.Markdown).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? "";
        // A correction is published when it is saved; the first version when the minutes were published.
        var publishedAt = minutes.PublishedAt is { } first && first > version.CreatedAt ? first : version.CreatedAt;
        return new MinutesPublished(minutes.Id, minutes.ConsultationId, no, Compiling.MarkdownText.Unescape(title), publishedAt, recommendations);
    }

    private async Task NotifyAsync(MinutesDocument minutes, CancellationToken ct)
    {
        var e = await DescribePublishedAsync(minutes, ct);
        foreach (var listener in listeners) await listener.MinutesPublishedAsync(e, ct);
    }

    private async Task<MinutesDocument> LoadAsync(Guid id, CancellationToken ct) =>
        await db.MinutesDocuments.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException("minutes.not_found");
}
