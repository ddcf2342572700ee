using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Organizations;

/// <summary>Use cases for a body's sectors (界别): add, rename, reorder, delete; each audited.</summary>
public sealed class SectorCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>Longest sector name the database keeps.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Adds a sector at the end of the list.</summary>
    public async Task<Sector> AddAsync(Guid organizationId, string name, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, null, name, ct);
        var last = await db.Sectors.Where(x => x.OrganizationId == organizationId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0;
        var sector = new Sector { OrganizationId = organizationId, Name = clean, SortOrder = last + 1 };
        db.Sectors.Add(sector);
        AuditLog.Record(db, actor, "sector.create", nameof(Sector), sector.Id, after: State(sector), at: clock.GetUtcNow());
        await SaveAsync(ct);
        return sector;
    }

    /// <summary>Renames the sector and puts it at <paramref name="position"/> (1-based).</summary>
    public async Task UpdateAsync(Guid organizationId, Guid id, string name, int position, Actor actor, CancellationToken ct = default)
    {
        var clean = await ValidNameAsync(organizationId, id, name, ct);
        var all = await OrderedAsync(organizationId, ct);
        var sector = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("sector.not_found");
        var before = State(sector);
        sector.Name = clean;
        Positions.Move(all, sector, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "sector.update", nameof(Sector), id, before, State(sector), clock.GetUtcNow());
        await SaveAsync(ct);
    }

    /// <summary>Moves the sector to <paramref name="position"/> (1-based, clamped); the others close up.</summary>
    public async Task MoveAsync(Guid organizationId, Guid id, int position, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var sector = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("sector.not_found");
        var before = State(sector);
        Positions.Move(all, sector, position, (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "sector.move", nameof(Sector), id, before, State(sector), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the sector; refused with <c>sector.in_use</c> while members belong to it.</summary>
    public async Task DeleteAsync(Guid organizationId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var all = await OrderedAsync(organizationId, ct);
        var sector = all.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("sector.not_found");
        if (await db.Members.AnyAsync(m => m.SectorId == id, ct)) throw new DomainException("sector.in_use");
        db.Sectors.Remove(sector);
        Positions.Renumber(all.Where(x => x != sector), (x, n) => x.SortOrder = n);
        AuditLog.Record(db, actor, "sector.delete", nameof(Sector), id, before: State(sector), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private Task<List<Sector>> OrderedAsync(Guid organizationId, CancellationToken ct) =>
        db.Sectors.Where(x => x.OrganizationId == organizationId).OrderBy(x => x.SortOrder).ThenBy(x => x.Name).ToListAsync(ct);

    private async Task<string> ValidNameAsync(Guid organizationId, Guid? self, string? name, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        Text.Check(errors, "Name", name, NameMaxLength, required: true);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var clean = Text.Clean(name)!;
        if (await db.Sectors.AnyAsync(x => x.OrganizationId == organizationId && x.Name == clean && x.Id != self, ct))
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

    private static object State(Sector x) => new { x.Name, x.SortOrder };
}
