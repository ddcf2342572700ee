using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>Decides who a caller is in a room and what they may do. The server decides; the client never says.</summary>
public sealed class RoomAccess(HubDbContext db, TimeProvider clock)
{
    /// <summary>The room's summary needed to admit callers.</summary>
    public sealed record RoomInfo(Guid Id, Guid OrganizationId, string Title, ConsultationStatus Status, PublicAccess PublicAccess, string RoomCode);

    /// <summary>Finds the room by id; null when it does not exist or is a draft/archived.</summary>
    public Task<RoomInfo?> FindAsync(Guid id, CancellationToken ct) =>
        db.Consultations.AsNoTracking()
            .Where(c => c.Id == id && c.Status != ConsultationStatus.Archived)
            .Select(c => new RoomInfo(c.Id, c.OrganizationId, c.Title, c.Status, c.PublicAccess, c.RoomCode))
            .SingleOrDefaultAsync(ct);

    /// <summary>The open (not archived, not draft) room with this code.</summary>
    public Task<Guid?> FindOpenByCodeAsync(string code, CancellationToken ct) =>
        db.Consultations.Where(c => c.RoomCode == code && c.Status != ConsultationStatus.Archived && c.Status != ConsultationStatus.Draft)
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    /// <summary>The room's open polls.</summary>
    public Task<List<Poll>> OpenPollsAsync(Guid roomId, CancellationToken ct) =>
        db.Polls.AsNoTracking().Where(p => p.ConsultationId == roomId && p.Status == BallotStatus.Open).ToListAsync(ct);

    /// <summary>Throws unless the questionnaire belongs to the room.</summary>
    public async Task RequireQuestionnaireInRoomAsync(Guid roomId, Guid questionnaireId, CancellationToken ct)
    {
        if (!await db.Questionnaires.AnyAsync(q => q.Id == questionnaireId && q.ConsultationId == roomId, ct)) throw RoomErrors.Fail(RoomErrors.ItemNotFound);
    }

    /// <summary>
    /// Works out the caller's identity in the room. A registered participant joining for the first time is
    /// checked in (签到) when <paramref name="checkIn"/> is set. A public visitor without a name watches under
    /// <paramref name="anonymousKey"/> when one is given. Throws a room error when the caller may not enter.
    /// </summary>
    public async Task<RoomActor> ResolveAsync(RoomInfo room, RoomCaller caller, bool checkIn, CancellationToken ct, string? anonymousKey = null)
    {
        // Roles count only in the caller's own body's sessions: a county's staff do not moderate the city's rooms nor read
        // their consoles, and its members take part there as the public. (A registered participant keeps its tier.)
        IReadOnlySet<string> roles = caller.OrganizationId == room.OrganizationId ? caller.Roles : new HashSet<string>();
        var canModerate = roles.Contains(Roles.Admin) || roles.Contains(Roles.Staff) || roles.Contains(Roles.Moderator);
        if (room.Status == ConsultationStatus.Draft && !canModerate) throw RoomErrors.Fail(RoomErrors.NotFound);

        if (caller.UserId is Guid userId)
        {
            var p = await db.Participants.SingleOrDefaultAsync(x => x.ConsultationId == room.Id && x.UserId == userId, ct);
            if (p is not null)
            {
                if (checkIn && p.CheckedInAt is null && room.Status is ConsultationStatus.Live or ConsultationStatus.Scheduled)
                {
                    p.CheckedInAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(ct);
                }
                var sector = await SectorOfAsync(p, ct);
                return new RoomActor(RoomActor.UserKey(userId), p.DisplayName, p.Tier, p.Id, userId, sector,
                    canModerate || p.Tier == ParticipantTier.Moderator, true, p.Tier is not (ParticipantTier.Public or ParticipantTier.Moderator));
            }
            var tier = canModerate ? ParticipantTier.Moderator
                : roles.Contains(Roles.Member) ? ParticipantTier.Member
                : roles.Contains(Roles.Department) ? ParticipantTier.Department
                : roles.Contains(Roles.Leader) ? ParticipantTier.Invited
                : ParticipantTier.Public;
            if (!canModerate && room.PublicAccess == PublicAccess.Closed) throw RoomErrors.Fail(RoomErrors.Forbidden);
            return new RoomActor(RoomActor.UserKey(userId), caller.DisplayName ?? "?", tier, null, userId, null,
                canModerate, canModerate || tier != ParticipantTier.Public || room.PublicAccess == PublicAccess.Interact, false);
        }

        if (room.PublicAccess == PublicAccess.Closed) throw RoomErrors.Fail(RoomErrors.Forbidden);
        if (caller.VisitorId is not Guid visitorId || string.IsNullOrWhiteSpace(caller.DisplayName))
        {
            // Watching a 直播 needs no name: a nameless viewer may watch; commenting asks for a name first.
            if (anonymousKey is null) throw RoomErrors.Fail(RoomErrors.NameRequired);
            return new RoomActor(anonymousKey, "", ParticipantTier.Public, null, null, null, false, false, false);
        }
        return new RoomActor(RoomActor.VisitorKey(visitorId), caller.DisplayName, ParticipantTier.Public, null, null, null,
            false, room.PublicAccess == PublicAccess.Interact, false);
    }

    private async Task<string?> SectorOfAsync(Participant p, CancellationToken ct)
    {
        if (p.MemberId is Guid m)
        {
            return await db.Members.Where(x => x.Id == m).Select(x => x.Sector!.Name).SingleOrDefaultAsync(ct);
        }
        if (p.DepartmentId is Guid d)
        {
            return await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct);
        }
        return p.Affiliation;
    }
}
