using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Consultations;

/// <summary>
/// Use cases that change who takes part in a session: register by tier, voting right, manual check-in (签到), removal;
/// each audited. All are refused with <c>consultation.closed_for_edit</c> once the session has ended or is archived.
/// </summary>
public sealed class ParticipantCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Registers the body's members with voting rights; members already registered (or whose account already is)
    /// are skipped. Returns how many were added.
    /// </summary>
    public async Task<int> AddMembersAsync(Guid organizationId, Guid consultationId, IReadOnlyCollection<Guid> memberIds, Actor actor, CancellationToken ct = default)
    {
        await db.FindOpenAsync(organizationId, consultationId, ct);
        var present = await db.Participants.Where(p => p.ConsultationId == consultationId)
            .Select(p => new { p.MemberId, p.UserId }).ToListAsync(ct);
        var presentMembers = present.Where(p => p.MemberId != null).Select(p => p.MemberId!.Value).ToHashSet();
        var presentUsers = present.Where(p => p.UserId != null).Select(p => p.UserId!.Value).ToHashSet();
        var members = await db.Members.Include(m => m.Sector)
            .Where(m => m.OrganizationId == organizationId && memberIds.Contains(m.Id))
            .OrderBy(m => m.FullName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var m in members)
        {
            if (presentMembers.Contains(m.Id) || (m.UserId is Guid u && presentUsers.Contains(u))) continue;
            var p = new Participant
            {
                ConsultationId = consultationId, DisplayName = m.FullName, Tier = ParticipantTier.Member, MemberId = m.Id,
                UserId = m.UserId, Affiliation = m.Sector?.Name, HasVotingRight = true, RegisteredAt = now,
            };
            db.Participants.Add(p);
            AuditLog.Record(db, actor, "participant.create", nameof(Participant), p.Id, after: State(p), at: now);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Registers a department's representative; the affiliation reads "department title".</summary>
    public async Task<Participant> AddDepartmentRepresentativeAsync(Guid organizationId, Guid consultationId, DepartmentRepresentativeDraft draft, Actor actor, CancellationToken ct = default)
    {
        var errors = draft.Validate().ToList();
        var department = draft.DepartmentId == Guid.Empty ? null
            : await db.Departments.SingleOrDefaultAsync(d => d.Id == draft.DepartmentId && d.OrganizationId == organizationId, ct);
        if (draft.DepartmentId != Guid.Empty && department is null) errors.Add((nameof(draft.DepartmentId), "Validation.NotInList"));
        var affiliation = department is null ? null : $"{department.Name} {Text.Clean(draft.Title)}".Trim();
        if (affiliation is { Length: > ParticipantRules.AffiliationMaxLength }) errors.Add((nameof(draft.Title), "Validation.TooLong"));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await db.FindOpenAsync(organizationId, consultationId, ct);
        return await AddAsync(new Participant
        {
            ConsultationId = consultationId, DisplayName = draft.Name.Trim(), Tier = ParticipantTier.Department,
            DepartmentId = department!.Id, Affiliation = affiliation,
        }, actor, ct);
    }

    /// <summary>Registers a moderator, invited representative, expert or member of the public by name.</summary>
    public async Task<Participant> AddGuestAsync(Guid organizationId, Guid consultationId, GuestDraft draft, Actor actor, CancellationToken ct = default)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await db.FindOpenAsync(organizationId, consultationId, ct);
        return await AddAsync(new Participant
        {
            ConsultationId = consultationId, DisplayName = draft.Name.Trim(), Tier = draft.Tier, Affiliation = Text.Clean(draft.Affiliation),
        }, actor, ct);
    }

    /// <summary>Gives or takes the right to cast formal votes (表决).</summary>
    public Task SetVotingRightAsync(Guid organizationId, Guid consultationId, Guid participantId, bool hasVotingRight, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(organizationId, consultationId, participantId, "participant.voting", p => p.HasVotingRight = hasVotingRight, actor, ct);

    /// <summary>Records that staff saw the participant in the hall (签到) now; a second check-in keeps the first time.</summary>
    public Task CheckInAsync(Guid organizationId, Guid consultationId, Guid participantId, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(organizationId, consultationId, participantId, "participant.check_in", p => p.CheckedInAt ??= clock.GetUtcNow(), actor, ct);

    /// <summary>Clears a check-in made by mistake (撤销签到).</summary>
    public Task UndoCheckInAsync(Guid organizationId, Guid consultationId, Guid participantId, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(organizationId, consultationId, participantId, "participant.undo_check_in", p => p.CheckedInAt = null, actor, ct);

    /// <summary>Removes the participant from the session.</summary>
    public async Task RemoveAsync(Guid organizationId, Guid consultationId, Guid participantId, Actor actor, CancellationToken ct = default)
    {
        var p = await FindAsync(organizationId, consultationId, participantId, ct);
        db.Participants.Remove(p);
        AuditLog.Record(db, actor, "participant.delete", nameof(Participant), p.Id, before: State(p), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Participant> AddAsync(Participant p, Actor actor, CancellationToken ct)
    {
        p.RegisteredAt = clock.GetUtcNow();
        db.Participants.Add(p);
        AuditLog.Record(db, actor, "participant.create", nameof(Participant), p.Id, after: State(p), at: p.RegisteredAt);
        await db.SaveChangesAsync(ct);
        return p;
    }

    private async Task ChangeAsync(Guid organizationId, Guid consultationId, Guid participantId, string action, Action<Participant> change, Actor actor, CancellationToken ct)
    {
        var p = await FindAsync(organizationId, consultationId, participantId, ct);
        var before = State(p);
        change(p);
        AuditLog.Record(db, actor, action, nameof(Participant), p.Id, before, State(p), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Participant> FindAsync(Guid organizationId, Guid consultationId, Guid participantId, CancellationToken ct)
    {
        await db.FindOpenAsync(organizationId, consultationId, ct);
        return await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.ConsultationId == consultationId, ct)
            ?? throw new DomainException("participant.not_found");
    }

    private static object State(Participant p) =>
        new { p.ConsultationId, p.DisplayName, p.Tier, p.MemberId, p.DepartmentId, p.Affiliation, p.HasVotingRight, p.CheckedInAt };
}
