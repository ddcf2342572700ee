using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Consultations;

/// <summary>Finds a body's session for a change to its preparation (agenda, participants).</summary>
internal static class SessionLookup
{
    /// <summary>
    /// The session, or <c>consultation.not_found</c> when it is not the body's; <c>consultation.closed_for_edit</c>
    /// once it has ended, because from then on the agenda and the attendance are part of the record.
    /// </summary>
    public static async Task<Consultation> FindOpenAsync(this HubDbContext db, Guid organizationId, Guid id, CancellationToken ct)
    {
        var c = await db.Consultations.SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == organizationId, ct)
            ?? throw new DomainException("consultation.not_found");
        if (IsClosed(c.Status)) throw new DomainException("consultation.closed_for_edit");
        return c;
    }

    /// <summary>Whether the session's preparation can no longer change.</summary>
    public static bool IsClosed(ConsultationStatus status) => status is ConsultationStatus.Ended or ConsultationStatus.Archived;
}
