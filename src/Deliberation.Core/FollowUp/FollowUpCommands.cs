using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.FollowUp;

/// <summary>
/// Use cases of the follow-up loop. Each loads the item (for departments and proposers, only when it is theirs),
/// applies one workflow step, writes the audit trail and the notifications in the same transaction, then hands
/// the notifications to the <see cref="INotificationSink"/>.
/// </summary>
public sealed partial class FollowUpCommands(HubDbContext db, TimeProvider clock, FollowUpNotices notices, INotificationSink sink, FollowUpPolicy policy)
{
    private const string UniqueMinutesIndex = "IX_OutcomeItems_Minutes_Recommendation";

    /// <summary>
    /// The entry point for published minutes: one item per (minutes, recommendation number). Calling it again, even
    /// concurrently, returns the item already made and changes nothing.
    /// </summary>
    public async Task<OutcomeItem> CreateFromMinutesAsync(Guid minutesId, Guid consultationId, int recommendationNumber, string text,
        Guid? proposedDepartmentId, IReadOnlyList<Guid> proposerMemberIds, bool isPublic, IReadOnlyList<string> sourceRefs, Actor actor,
        CancellationToken ct = default)
    {
        var existing = await FindFromMinutesAsync(minutesId, recommendationNumber, ct);
        if (existing is not null) return existing;
        var organizationId = await db.Consultations.Where(c => c.Id == consultationId).Select(c => (Guid?)c.OrganizationId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("consultation.not_found");
        var draft = new OutcomeDraft("", text, null, OutcomeSource.Minutes, consultationId, recommendationNumber, proposerMemberIds,
            proposedDepartmentId, isPublic, sourceRefs);
        try
        {
            return await AddAsync(organizationId, draft, minutesId, actor, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueMinutesIndex })
        {
            // Another call made it between our look-up and our insert: theirs stands.
            db.ChangeTracker.Clear();
            return (await FindFromMinutesAsync(minutesId, recommendationNumber, ct))!;
        }
    }

    /// <summary>Staff record an item themselves, e.g. from a 社情民意 report.</summary>
    public Task<OutcomeItem> CreateAsync(Guid organizationId, OutcomeDraft draft, Actor actor, CancellationToken ct = default) =>
        AddAsync(organizationId, draft, null, actor, ct);

    /// <summary>报送 to leaders; leaders are notified.</summary>
    public async Task SubmitAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        item.Submit(actor, now);
        var notes = await notices.AddAsync(NotificationAudience.Leader, item, null, "followup.submitted", now, actor.UserId, ct);
        await SaveAsync(item, actor, notes, ct);
    }

    /// <summary>批示 by a leader; staff are notified.</summary>
    public async Task InstructAsync(Guid id, string text, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        item.Instruct(text, actor, now);
        var notes = await notices.AddAsync(NotificationAudience.Staff, item, null, "followup.instructed", now, actor.UserId, ct, actor.Name);
        await SaveAsync(item, actor, notes, ct);
    }

    /// <summary>交办 (or reassign after 退回): the lead department, co-handlers and proposers are notified.</summary>
    public async Task AssignAsync(Guid id, AssignmentDraft draft, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct);
        var names = await db.Departments.Where(d => d.OrganizationId == item.OrganizationId && (d.Id == draft.LeadDepartmentId || draft.CoHandlerIds.Contains(d.Id)))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        if (!names.ContainsKey(draft.LeadDepartmentId) || draft.CoHandlerIds.Any(c => !names.ContainsKey(c)))
        {
            throw new ValidationFailedException([("LeadDepartmentId", "Validation.ValueInvalid")]);
        }
        var now = clock.GetUtcNow();
        var lead = names[draft.LeadDepartmentId];
        item.Assign(draft, lead, actor, now);
        var due = FollowUpNotices.Date(draft.DueAt);
        var notes = await notices.AddAsync(NotificationAudience.Department, item, [draft.LeadDepartmentId], "followup.assigned", now, actor.UserId, ct, due);
        notes.AddRange(await notices.AddAsync(NotificationAudience.Department, item, item.CoHandlers.Select(c => c.DepartmentId), "followup.cohandle", now, actor.UserId, ct, lead, due));
        notes.AddRange(await notices.AddAsync(NotificationAudience.Proposer, item, item.Proposers.Select(p => p.MemberId), "followup.assigned_proposer", now, actor.UserId, ct, lead));
        await SaveAsync(item, actor, notes, ct);
    }

    private async Task<OutcomeItem> AddAsync(Guid organizationId, OutcomeDraft draft, Guid? minutesId, Actor actor, CancellationToken ct)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var members = await db.Members.Where(m => m.OrganizationId == organizationId && draft.ProposerMemberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName }).ToListAsync(ct);
        if (members.Count != draft.ProposerMemberIds.Distinct().Count())
        {
            throw new ValidationFailedException([("ProposerMemberIds", "Validation.ValueInvalid")]);
        }
        var now = clock.GetUtcNow();
        var item = new OutcomeItem
        {
            OrganizationId = organizationId, Title = Check.Optional(draft.Title) ?? OutcomeItem.TitleFrom(draft.Text), Text = draft.Text.Trim(),
            Category = Check.Optional(draft.Category), Source = draft.Source, ConsultationId = draft.ConsultationId, MinutesId = minutesId,
            RecommendationNumber = draft.RecommendationNumber, SourceRefs = [.. draft.SourceRefs ?? []], IsPublic = draft.IsPublic,
            ProposedDepartmentId = draft.ProposedDepartmentId, CreatedAt = now, UpdatedAt = now,
        };
        item.Proposers = members.Select(m => new OutcomeProposer { ItemId = item.Id, MemberId = m.Id, Name = m.FullName }).ToList();
        item.Events.Add(new FollowUpEvent
        {
            ItemId = item.Id, Round = 1, Kind = FollowUpEventKind.Created, To = FollowUpStatus.Pending, At = now,
            ActorId = actor.UserId, ActorName = actor.Name, IsPublic = true,
        });
        db.OutcomeItems.Add(item);
        await SaveAsync(item, actor, [], ct);
        return item;
    }

    private Task<OutcomeItem?> FindFromMinutesAsync(Guid minutesId, int number, CancellationToken ct) =>
        db.OutcomeItems.Include(i => i.Proposers).SingleOrDefaultAsync(i => i.MinutesId == minutesId && i.RecommendationNumber == number, ct);

    private async Task<OutcomeItem> LoadAsync(Guid id, CancellationToken ct, Guid? departmentId = null, Guid? memberId = null) =>
        await db.OutcomeItems.Include(i => i.Proposers).Include(i => i.CoHandlers).Include(i => i.Ratings).AsSplitQuery()
            .Where(i => i.Id == id)
            .Where(i => departmentId == null || i.LeadDepartmentId == departmentId)
            .Where(i => memberId == null || i.Proposers.Any(p => p.MemberId == memberId))
            .SingleOrDefaultAsync(ct)
        ?? throw new DomainException("followup.not_found");

    /// <summary>Audits every new timeline entry, commits, then delivers the notifications.</summary>
    private async Task SaveAsync(OutcomeItem item, Actor actor, List<Notification> notes, CancellationToken ct)
    {
        foreach (var e in item.Events.Where(e => e.Id == 0))
        {
            AuditLog.Record(db, actor, $"followup.{e.Kind.ToString().ToLowerInvariant()}", nameof(OutcomeItem), item.Id,
                e.From is null ? null : new { Status = e.From }, new { Status = e.To, e.Round, e.Text, e.Percent, e.Verdict }, e.At);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("followup.concurrent_change");
        }
        if (notes.Count > 0) await sink.DeliverAsync(notes, ct);
    }
}
