using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.FollowUp;

public sealed record AttachmentInfo(Guid Id, string FileName, long Size);

public sealed record ReplyView(Guid Id, int Round, string Text, DateTimeOffset RepliedAt, DateTimeOffset? DueAt, bool OnTime,
    Core.FollowUp.ContactMethod ContactMethod, DateTimeOffset ContactedAt, string? ContactSummary, IReadOnlyList<AttachmentInfo> Attachments);

public sealed record RatingView(int Round, string? MemberName, Satisfaction Overall, Satisfaction Communication, Satisfaction Adoption,
    Satisfaction Effect, string? Comment, DateTimeOffset RatedAt, Guid MemberId);

/// <summary>Who is looking: the public, a proposer (sees consultation notes and rating comments), or insiders (everything).</summary>
public enum ItemViewLevel { Public, Proposer, Internal }

/// <summary>
/// Everything an item page shows. The public view holds only public timeline entries, no instructions, no rating
/// comments and no consultation notes; the internal view (staff, leaders, handling departments) holds all.
/// </summary>
public sealed class ItemView
{
    public required OutcomeItem Item { get; init; }
    public required bool Internal { get; init; }
    public string? LeadName { get; init; }
    public IReadOnlyList<string> CoHandlerNames { get; init; } = [];
    public string? ProposedDepartmentName { get; init; }
    public string? SessionTitle { get; init; }
    public IReadOnlyList<FollowUpEvent> Timeline { get; init; } = [];
    public IReadOnlyList<ReplyView> Replies { get; init; } = [];
    public IReadOnlyList<RatingView> Ratings { get; init; } = [];
    public IReadOnlyList<LeaderInstruction> Instructions { get; init; } = [];

    /// <summary>
    /// Loads a public item of any body (晒进度): found through <see cref="PublicReads.PublicBoardItems"/>, then read
    /// within its organisation (<see cref="OrgScope.ActFor"/>) at the public level.
    /// </summary>
    public static async Task<ItemView?> LoadPublicAsync(HubDbContext db, OrgScope tenancy, Guid id, CancellationToken ct)
    {
        var organizationId = await db.PublicBoardItems().Where(i => i.Id == id).Select(i => (Guid?)i.OrganizationId).SingleOrDefaultAsync(ct);
        if (organizationId is not Guid org) return null;
        tenancy.ActFor(org);
        return await LoadAsync(db, db.OutcomeItems.OnPublicBoard(), id, ItemViewLevel.Public, ct);
    }

    /// <summary>Loads item <paramref name="id"/> if <paramref name="scope"/> (the viewer's visibility filter) contains it.</summary>
    public static async Task<ItemView?> LoadAsync(HubDbContext db, IQueryable<OutcomeItem> scope, Guid id, ItemViewLevel level, CancellationToken ct)
    {
        var internalView = level == ItemViewLevel.Internal;
        var personal = level != ItemViewLevel.Public;
        var item = await scope.AsNoTracking().Include(i => i.Proposers).Include(i => i.CoHandlers).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var departmentIds = item.CoHandlers.Select(c => c.DepartmentId)
            .Concat(new[] { item.LeadDepartmentId, item.ProposedDepartmentId }.OfType<Guid>()).ToList();
        var names = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var timeline = await db.FollowUpEvents.AsNoTracking().Where(e => e.ItemId == id && (internalView || e.IsPublic))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var replies = await db.FollowUpReplies.AsNoTracking().Where(r => r.ItemId == id).OrderBy(r => r.Round).ToListAsync(ct);
        var replyIds = replies.Select(r => r.Id).ToList();
        var files = await db.FollowUpAttachments.Where(a => replyIds.Contains(a.ReplyId))
            .Select(a => new { a.ReplyId, Info = new AttachmentInfo(a.Id, a.FileName, a.Size) }).ToListAsync(ct);
        var proposerNames = item.Proposers.ToDictionary(p => p.MemberId, p => p.Name);
        var ratings = await db.FollowUpRatings.AsNoTracking().Where(r => r.ItemId == id).OrderBy(r => r.RatedAt).ToListAsync(ct);
        return new ItemView
        {
            Item = item,
            Internal = internalView,
            LeadName = item.LeadDepartmentId is { } lead ? names.GetValueOrDefault(lead) : null,
            CoHandlerNames = item.CoHandlers.Select(c => names.GetValueOrDefault(c.DepartmentId) ?? "").ToList(),
            ProposedDepartmentName = item.ProposedDepartmentId is { } p ? names.GetValueOrDefault(p) : null,
            SessionTitle = item.ConsultationId is { } c ? await db.Consultations.Where(x => x.Id == c).Select(x => x.Title).SingleOrDefaultAsync(ct) : null,
            Timeline = timeline,
            Replies = replies.Select(r => new ReplyView(r.Id, r.Round, r.Text, r.RepliedAt, r.DueAt, r.OnTime, r.ContactMethod, r.ContactedAt,
                personal ? r.ContactSummary : null, files.Where(f => f.ReplyId == r.Id).Select(f => f.Info).ToList())).ToList(),
            Ratings = ratings.Select(r => new RatingView(r.Round, proposerNames.GetValueOrDefault(r.MemberId), r.Overall, r.Communication,
                r.Adoption, r.Effect, personal ? r.Comment : null, r.RatedAt, r.MemberId)).ToList(),
            Instructions = internalView
                ? await db.LeaderInstructions.AsNoTracking().Where(x => x.ItemId == id).OrderBy(x => x.At).ToListAsync(ct)
                : [],
        };
    }
}
