using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Organizations;

/// <summary>
/// Use cases for a body's ordered list of named entries that members belong to (sectors 界别, committees 专委会):
/// add, rename, reorder, delete; each audited. <paramref name="kind"/> names the audit actions and error codes.
/// </summary>
public abstract class NamedListCommands<T>(HubDbContext db, TimeProvider clock, string kind, Func<Guid, string, int, T> create,
    Func<Guid, Expression<Func<Member, bool>>> belongs)
    where T : class, INamedListEntry
{
    /// <summary>Longest name the database keeps.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Adds an entry at the end of the list.</summary>
    public async Task<T> AddAsync(Guid organizationId, string name, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, null, name, ct);
        var last = await db.Set<T>().Where(x => x.OrganizationId == organizationId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0;
        var entry = create(organizationId, clean, last + 1);
        db.Set<T>().Add(entry);
        AuditLog.Record(db, actor, $"{kind}.create", typeof(T).Name, entry.Id, after: State(entry), at: clock.GetUtcNow());
        await SaveAsync(ct);
        return entry;
    }

    /// <summary>Renames the entry and puts it at <paramref name="position"/> (1-based).</summary>
    public async Task UpdateAsync(Guid organizationId, Guid id, string name, int position, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, id, name, ct);
        var all = await OrderedAsync(organizationId, ct);
        var entry = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException($"{kind}.not_found");
        var before = State(entry);
        entry.Name = clean;
        Positions.Move(all, entry, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, $"{kind}.update", typeof(T).Name, id, before, State(entry), clock.GetUtcNow());
        await SaveAsync(ct);
    }

    /// <summary>Moves the entry to <paramref name="position"/> (1-based, clamped); the others close up.</summary>
    public async Task MoveAsync(Guid organizationId, Guid id, int position, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var entry = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException($"{kind}.not_found");
        var before = State(entry);
        Positions.Move(all, entry, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, $"{kind}.move", typeof(T).Name, id, before, State(entry), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the entry; refused with <c>{kind}.in_use</c> while members belong to it.</summary>
    public async Task DeleteAsync(Guid organizationId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var entry = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException($"{kind}.not_found");
        if (await db.Members.AnyAsync(belongs(id), ct)) throw new DomainException($"{kind}.in_use");
        db.Set<T>().Remove(entry);
        Positions.Renumber(all.Where(x => x != entry), (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, $"{kind}.delete", typeof(T).Name, id, before: State(entry), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private Task<List<T>> OrderedAsync(Guid organizationId, CancellationToken ct) =>
        db.Set<T>().Where(x => x.OrganizationId == organizationId).OrderBy(x => x.SortOrder).ThenBy(x => x.Name).ToListAsync(ct);

    private async Task<string> ValidNameAsync(Guid organizationId, Guid? self, string? name, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, "Name", name, NameMaxLength, required: true);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var clean = Text.Clean(name)!;
        if (await db.Set<T>().AnyAsync(x => x.OrganizationId == organizationId && x.Name == clean && x.Id != self, ct))
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

    private static object State(T x) => new { x.Name, x.SortOrder };
}
