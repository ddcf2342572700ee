using Deliberation.Core.Auditing;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.Consultations;

/// <summary>Use cases that change sessions: create, edit and move through the life cycle, each audited.</summary>
public sealed class ConsultationCommands(HubDbContext db, TimeProvider clock, IEnumerable<IConsultationEvents> listeners, IEnumerable<IRoomEventSink> sinks)
{
    /// <summary>Creates a draft session with a fresh room code.</summary>
    public async Task<Consultation> CreateAsync(Guid organizationId, ConsultationDraft draft, Actor actor, CancellationToken ct = default)
    {
        ThrowIfInvalid(draft);
        for (var attempt = 0; ; attempt++)
        {
            var taken = await OpenRoomCodesAsync(ct);
            var c = new Consultation { OrganizationId = organizationId, Title = draft.Title, RoomCode = RoomCodes.Allocate(taken) };
            draft.ApplyTo(c);
            c.CreatedAt = clock.GetUtcNow();
            db.Consultations.Add(c);
            AuditLog.Record(db, actor, "consultation.create", nameof(Consultation), c.Id, after: ConsultationDraft.From(c), at: c.CreatedAt);
            try
            {
                await db.SaveChangesAsync(ct);
                return c;
            }
            catch (DbUpdateException ex) when (IsRoomCodeClash(ex) && attempt < 5)
            {
                // Another node took the same code between our read and our write: pick again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Saves edited fields; the audit entry keeps the state before and after.</summary>
    public async Task UpdateAsync(Guid id, ConsultationDraft draft, Actor actor, CancellationToken ct = default)
    {
        ThrowIfInvalid(draft);
        var c = await db.Consultations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("consultation.not_found");
        if (c.Status is ConsultationStatus.Ended or ConsultationStatus.Archived)
        {
            throw new DomainException("consultation.closed_for_edit");
        }
        var before = ConsultationDraft.From(c);
        draft.ApplyTo(c);
        AuditLog.Record(db, actor, "consultation.update", nameof(Consultation), c.Id, before, ConsultationDraft.From(c), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the session to <paramref name="next"/>; illegal moves throw <see cref="DomainException"/>.</summary>
    public async Task ChangeStatusAsync(Guid id, ConsultationStatus next, Actor actor, CancellationToken ct = default)
    {
        var c = await db.Consultations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("consultation.not_found");
        var before = c.Status;
        c.MoveTo(next, clock.GetUtcNow());
        AuditLog.Record(db, actor, "consultation.status", nameof(Consultation), c.Id, new { Status = before }, new { c.Status }, clock.GetUtcNow());
        // The minutes compile is asked for in the same transaction, so a crash after the commit cannot lose it.
        if (next == ConsultationStatus.Ended) Minutes.MinutesWork.RequestCompile(db, c.Id, clock.GetUtcNow());
        await using (var unit = await Rooms.RoomUnit.BeginAsync(db, c.Id, clock.GetUtcNow(), ct))
        {
            unit.Publish(Rooms.RoomEventTypes.RoomStatusChanged, new { Status = next.ToString() });
            if (next == ConsultationStatus.Ended) await Streaming.StreamCommands.EndWithSessionAsync(db, unit, c.Id, clock.GetUtcNow(), ct);
            var events = await unit.CommitAsync(ct);
            foreach (var sink in sinks) sink.Publish(events);
        }
        foreach (var listener in listeners) await listener.StatusChangedAsync(c.Id, c.Status, ct);
    }

    private async Task<IReadOnlySet<string>> OpenRoomCodesAsync(CancellationToken ct) =>
        (await db.Consultations.Where(x => x.Status != ConsultationStatus.Archived).Select(x => x.RoomCode).ToListAsync(ct))
            .ToHashSet();

    private static bool IsRoomCodeClash(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "IX_Consultations_OpenRoomCode" };

    private static void ThrowIfInvalid(ConsultationDraft draft)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
