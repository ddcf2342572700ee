using Deliberation.Core.Auditing;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.FollowUp;

/// <summary>
/// 成果转化: when minutes are published, each recommendation becomes a follow-up item linked to the minutes
/// and its source records. Members whose speeches a recommendation came from are its proposers (they rate the
/// reply). Re-publishing finds the items already made and creates none twice.
/// </summary>
public sealed class MinutesToFollowUp(HubDbContext db, FollowUpCommands commands) : IMinutesPublishedListener
{
    /// <inheritdoc />
    public async Task MinutesPublishedAsync(MinutesPublished e, CancellationToken ct)
    {
        foreach (var r in e.Recommendations)
        {
            var proposers = await ProposersAsync(r.SourceRefs, ct);
            await commands.CreateFromMinutesAsync(e.MinutesId, e.ConsultationId, r.Number, r.Text, r.DepartmentId, proposers,
                isPublic: true, r.SourceRefs.Append(r.Key).Distinct().ToList(), Actor.System, ct);
        }
    }

    private async Task<IReadOnlyList<Guid>> ProposersAsync(IReadOnlyList<string> refs, CancellationToken ct)
    {
        var speechIds = refs.Where(r => r.StartsWith("speech:", StringComparison.Ordinal))
            .Select(r => Guid.TryParse(r["speech:".Length..], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (speechIds.Count == 0) return [];
        return await db.Speeches.Where(s => speechIds.Contains(s.Id))
            .Join(db.Participants, s => s.ParticipantId, p => p.Id, (s, p) => p.MemberId)
            .Where(m => m != null).Select(m => m!.Value).Distinct().ToListAsync(ct);
    }
}
