using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Organizations;

/// <summary>Use cases for a body's special committees (专委会): add, rename, reorder, delete; each audited.</summary>
public sealed class CommitteeCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>Longest committee name the database keeps.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Adds a committee at the end of the list.</summary>
    public async Task<Committee> AddAsync(Guid organizationId, string name, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, null, name, ct);
        var last = await db.Committees.Where(x => x.OrganizationId == organizationId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0;
        var committee = new Committee { OrganizationId = organizationId, Name = clean, SortOrder = last + 1 };
        db.Committees.Add(committee);
        AuditLog.Record(db, actor, "committee.create", nameof(Committee), committee.Id, after: State(committee), at: clock.GetUtcNow());
        await SaveAsync(ct);
        return committee;
    }

    /// <summary>Renames the committee and puts it at <paramref name="position"/> (1-based).</summary>
    public async Task UpdateAsync(Guid organizationId, Guid id, string name, int position, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, id, name, ct);
        var all = await OrderedAsync(organizationId, ct);
        var committee = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("committee.not_found");
        var before = State(committee);
        committee.Name = clean;
        Positions.Move(all, committee, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "committee.update", nameof(Committee), id, before, State(committee), clock.GetUtcNow());
        await SaveAsync(ct);
    }

    /// <summary>Moves the committee to <paramref name="position"/> (1-based, clamped); the others close up.</summary>
    public async Task MoveAsync(Guid organizationId, Guid id, int position, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var committee = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("committee.not_found");
        var before = State(committee);
        Positions.Move(all, committee, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "committee.move", nameof(Committee), id, before, State(committee), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the committee; refused with <c>committee.in_use</c> while members belong to it.</summary>
    public async Task DeleteAsync(Guid organizationId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var committee = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("committee.not_found");
        if (await db.Members.AnyAsync(m => m.CommitteeId == id, ct)) throw new DomainException("committee.in_use");
        db.Committees.Remove(committee);
        Positions.Renumber(all.Where(x => x != committee), (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "committee.delete", nameof(Committee), id, before: State(committee), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private Task<List<Committee>> OrderedAsync(Guid organizationId, CancellationToken ct) =>
        db.Committees.Where(x => x.OrganizationId == organizationId).OrderBy(x => x.SortOrder).ThenBy(x => x.Name).ToListAsync(ct);

    private async Task<string> ValidNameAsync(Guid organizationId, Guid? self, string? name, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, "Name", name, NameMaxLength, required: true);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var clean = Text.Clean(name)!;
        if (await db.Committees.AnyAsync(x => x.OrganizationId == organizationId && x.Name == clean && x.Id != self, ct))
        {
            throw new ValidationFailedException([("Name", "Validation.NameTaken")]);
        }
        return clean;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Someone else saved the same name between our check and our write.
            throw new ValidationFailedException([("Name", "Validation.NameTaken")]);
        }
    }

    private static object State(Committee x) => new { x.Name, x.SortOrder };
}
