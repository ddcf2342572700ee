using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Organizations;

/// <summary>Use cases for a body's members (委员): create, edit, delete; each audited.</summary>
public sealed class MemberCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>Creates a member of <paramref name="organizationId"/>.</summary>
    public async Task<Member> CreateAsync(Guid organizationId, MemberDraft draft, Actor actor, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(organizationId, draft, ct);
        var m = new Member { OrganizationId = organizationId, FullName = "" };
        draft.ApplyTo(m);
        db.Members.Add(m);
        AuditLog.Record(db, actor, "member.create", nameof(Member), m.Id, after: MemberDraft.From(m), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>Saves edited fields; the audit entry keeps the state before and after.</summary>
    public async Task UpdateAsync(Guid organizationId, Guid id, MemberDraft draft, Actor actor, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(organizationId, draft, ct);
        var m = await FindAsync(organizationId, id, ct);
        var before = MemberDraft.From(m);
        draft.ApplyTo(m);
        AuditLog.Record(db, actor, "member.update", nameof(Member), id, before, MemberDraft.From(m), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Deletes the member; refused with <c>member.in_use</c> once the member is a participant of any session (their
    /// attendance is part of the record) and with <c>member.has_account</c> while a sign-in account is linked.
    /// </summary>
    public async Task DeleteAsync(Guid organizationId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var m = await FindAsync(organizationId, id, ct);
        if (await db.Participants.AnyAsync(p => p.MemberId == id, ct)) throw new DomainException("member.in_use");
        if (m.UserId is not null || await db.Users.AnyAsync(u => u.MemberId == id, ct)) throw new DomainException("member.has_account");
        db.Members.Remove(m);
        AuditLog.Record(db, actor, "member.delete", nameof(Member), id, before: MemberDraft.From(m), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Member> FindAsync(Guid organizationId, Guid id, CancellationToken ct) =>
        await db.Members.SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == organizationId, ct)
            ?? throw new DomainException("member.not_found");

    private async Task ThrowIfInvalidAsync(Guid organizationId, MemberDraft draft, CancellationToken ct)
    {
        var errors = draft.Validate().ToList();
        // The sector and committee must be the body's own: a form can post any id.
        if (draft.SectorId != Guid.Empty
            && !await db.Sectors.AnyAsync(s => s.Id == draft.SectorId && s.OrganizationId == organizationId, ct))
        {
            errors.Add((nameof(MemberDraft.SectorId), "Validation.NotInList"));
        }
        if (draft.CommitteeId is Guid committeeId
            && !await db.Committees.AnyAsync(c => c.Id == committeeId && c.OrganizationId == organizationId, ct))
        {
            errors.Add((nameof(MemberDraft.CommitteeId), "Validation.NotInList"));
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
