using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Organizations;

/// <summary>Use cases for a body's departments (承办单位): add, edit, delete; each audited.</summary>
public sealed class DepartmentCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>Adds a department.</summary>
    public async Task<Department> AddAsync(Guid organizationId, DepartmentDraft draft, Actor actor, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(organizationId, null, draft, ct);
        var d = new Department { OrganizationId = organizationId, Name = "" };
        draft.ApplyTo(d);
        db.Departments.Add(d);
        AuditLog.Record(db, actor, "department.create", nameof(Department), d.Id, after: DepartmentDraft.From(d), at: clock.GetUtcNow());
        await SaveAsync(ct);
        return d;
    }

    /// <summary>Saves the edited name and contact.</summary>
    public async Task UpdateAsync(Guid organizationId, Guid id, DepartmentDraft draft, Actor actor, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(organizationId, id, draft, ct);
        var d = await FindAsync(organizationId, id, ct);
        var before = DepartmentDraft.From(d);
        draft.ApplyTo(d);
        AuditLog.Record(db, actor, "department.update", nameof(Department), id, before, DepartmentDraft.From(d), clock.GetUtcNow());
        await SaveAsync(ct);
    }

    /// <summary>
    /// Deletes the department; refused with <c>department.in_use</c> while session participants represent it and
    /// with <c>department.has_accounts</c> while sign-in accounts belong to it.
    /// </summary>
    public async Task DeleteAsync(Guid organizationId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var d = await FindAsync(organizationId, id, ct);
        if (await db.Participants.AnyAsync(p => p.DepartmentId == id, ct)) throw new DomainException("department.in_use");
        if (await db.Users.AnyAsync(u => u.DepartmentId == id, ct)) throw new DomainException("department.has_accounts");
        db.Departments.Remove(d);
        AuditLog.Record(db, actor, "department.delete", nameof(Department), id, before: DepartmentDraft.From(d), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<Department> FindAsync(Guid organizationId, Guid id, CancellationToken ct) =>
        await db.Departments.SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == organizationId, ct)
            ?? throw new DomainException("department.not_found");

    private async Task ThrowIfInvalidAsync(Guid organizationId, Guid? self, DepartmentDraft draft, CancellationToken ct)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var name = draft.Name.Trim();
        if (await db.Departments.AnyAsync(x => x.OrganizationId == organizationId && x.Name == name && x.Id != self, ct))
        {
            throw new ValidationFailedException([(nameof(DepartmentDraft.Name), "Validation.NameTaken")]);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ValidationFailedException([(nameof(DepartmentDraft.Name), "Validation.NameTaken")]);
        }
    }
}
