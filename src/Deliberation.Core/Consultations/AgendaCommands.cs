using Deliberation.Core.Auditing;
using Deliberation.Core.Common;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Consultations;

/// <summary>
/// Use cases that change a session's agenda (议程): add, edit, reorder, delete; each audited. All are refused with
/// <c>consultation.closed_for_edit</c> once the session has ended or is archived.
/// </summary>
public sealed class AgendaCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>Adds an item at the end of the agenda.</summary>
    public async Task<AgendaItem> AddAsync(Guid organizationId, Guid consultationId, AgendaItemDraft draft, Actor actor, CancellationToken ct = default)
    {
        ThrowIfInvalid(draft);
        await db.FindOpenAsync(organizationId, consultationId, ct);
        var last = await db.AgendaItems.Where(a => a.ConsultationId == consultationId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        var item = new AgendaItem { ConsultationId = consultationId, Order = last + 1, Title = "" };
        draft.ApplyTo(item);
        db.AgendaItems.Add(item);
        AuditLog.Record(db, actor, "agenda.create", nameof(AgendaItem), item.Id, after: State(item), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Saves the edited title, presenter and length.</summary>
    public async Task UpdateAsync(Guid organizationId, Guid consultationId, Guid itemId, AgendaItemDraft draft, Actor actor, CancellationToken ct = default)
    {
        ThrowIfInvalid(draft);
        var items = await OpenAgendaAsync(organizationId, consultationId, ct);
        var item = Find(items, itemId);
        var before = State(item);
        draft.ApplyTo(item);
        AuditLog.Record(db, actor, "agenda.update", nameof(AgendaItem), itemId, before, State(item), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the item to <paramref name="position"/> (1-based, clamped); the others close up.</summary>
    public async Task MoveAsync(Guid organizationId, Guid consultationId, Guid itemId, int position, Actor actor, CancellationToken ct = default)
    {
        var items = await OpenAgendaAsync(organizationId, consultationId, ct);
        var item = Find(items, itemId);
        var before = State(item);
        Positions.Move(items, item, position, (x, n) => x.Order = n);
        AuditLog.Record(db, actor, "agenda.move", nameof(AgendaItem), itemId, before, State(item), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the item and renumbers the rest.</summary>
    public async Task DeleteAsync(Guid organizationId, Guid consultationId, Guid itemId, Actor actor, CancellationToken ct = default)
    {
        var items = await OpenAgendaAsync(organizationId, consultationId, ct);
        var item = Find(items, itemId);
        db.AgendaItems.Remove(item);
        Positions.Renumber(items.Where(x => x != item), (x, n) => x.Order = n);
        AuditLog.Record(db, actor, "agenda.delete", nameof(AgendaItem), itemId, before: State(item), at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<AgendaItem>> OpenAgendaAsync(Guid organizationId, Guid consultationId, CancellationToken ct)
    {
        await db.FindOpenAsync(organizationId, consultationId, ct);
        return await db.AgendaItems.Where(a => a.ConsultationId == consultationId).OrderBy(a => a.Order).ToListAsync(ct);
    }

    private static AgendaItem Find(List<AgendaItem> items, Guid itemId) =>
        items.SingleOrDefault(a => a.Id == itemId) ?? throw new DomainException("agenda.not_found");

    private static object State(AgendaItem a) => new { a.ConsultationId, a.Order, a.Title, a.Presenter, a.DurationMinutes };

    private static void ThrowIfInvalid(AgendaItemDraft draft)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
