using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

/// <summary>
/// Decides who a caller is in a room and what they may do. The server decides; the client never says.
/// Tenancy: the room is looked up across organisations (<see cref="PublicReads.RoomsForAdmission"/>) because a
/// public room is open to everyone; once this class admitted the caller, the scope moves to the room's organisation
/// (<see cref="OrgScope.ActFor"/>), so the room commands' queries — and the room ids they use for the unfiltered
/// child rows — stay within that room's organisation.
/// Moderating (主持) comes from the room, not from a global role: the organisation's staff and admins moderate all
/// its sessions; anyone else only a session where they are registered as the moderator (tier 主持人).
/// </summary>
public sealed class RoomAccess(HubDbContext db, OrgScope tenancy, TimeProvider clock)
{
    /// <summary>The room's summary needed to admit callers.</summary>
    public sealed record RoomInfo(Guid Id, Guid OrganizationId, string Title, ConsultationStatus Status, PublicAccess PublicAccess, string RoomCode);

    /// <summary>Finds the room by id in any organisation; null when it does not exist or is archived. Admission is <see cref="ResolveAsync"/>'s.</summary>
    public Task<RoomInfo?> FindAsync(Guid id, CancellationToken ct) =>
        db.RoomsForAdmission().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new RoomInfo(c.Id, c.OrganizationId, c.Title, c.Status, c.PublicAccess, c.RoomCode))
            .SingleOrDefaultAsync(ct);

    /// <summary>The open (not archived, not draft) room with this code.</summary>
    public Task<Guid?> FindOpenByCodeAsync(string code, CancellationToken ct) =>
        db.PublishedSessions().Where(c => c.RoomCode == code && c.Status != ConsultationStatus.Archived)
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    /// <summary>The room's open polls.</summary>
    public Task<List<Poll>> OpenPollsAsync(Guid roomId, CancellationToken ct) =>
        db.Polls.AsNoTracking().Where(p => p.ConsultationId == roomId && p.Status == BallotStatus.Open).ToListAsync(ct);

    /// <summary>Throws unless the questionnaire belongs to the room.</summary>
    public async Task RequireQuestionnaireInRoomAsync(Guid roomId, Guid questionnaireId, CancellationToken ct)
    {
        if (!await db.Questionnaires.AnyAsync(q => q.Id == questionnaireId && q.ConsultationId == roomId, ct)) throw RoomErrors.Fail(RoomErrors.ItemNotFound);
    }

    /// <summary>Whether the caller is the organisation's staff or admin for this room: they moderate every session of their own body.</summary>
    public static bool IsRoomStaff(RoomInfo room, RoomCaller caller) =>
        caller.OrganizationId == room.OrganizationId && (caller.Roles.Contains(Roles.Admin) || caller.Roles.Contains(Roles.Staff));

    /// <summary>Whether the caller may moderate the room (console, screen, moderator calls), without entering it.</summary>
    public async Task<bool> MayModerateAsync(RoomInfo room, RoomCaller caller, CancellationToken ct) =>
        IsRoomStaff(room, caller) || (caller.UserId is Guid userId
            && await db.Participants.AnyAsync(p => p.ConsultationId == room.Id && p.UserId == userId && p.Tier == ParticipantTier.Moderator, ct));

    /// <summary>
    /// Works out the caller's identity in the room. A registered participant joining for the first time is
    /// checked in (签到) when <paramref name="checkIn"/> is set. A public visitor without a name watches under
    /// <paramref name="anonymousKey"/> when one is given. Throws a room error when the caller may not enter; on
    /// success this scope acts within the room's organisation.
    /// </summary>
    public async Task<RoomActor> ResolveAsync(RoomInfo room, RoomCaller caller, bool checkIn, CancellationToken ct, string? anonymousKey = null)
    {
        // Roles count only in the caller's own body's sessions: a county's staff do not moderate the city's rooms nor read
        // their consoles, and its members take part there as the public. (A registered participant keeps its tier.)
        IReadOnlySet<string> roles = caller.OrganizationId == room.OrganizationId ? caller.Roles : new HashSet<string>();
        var staff = IsRoomStaff(room, caller);
        var p = caller.UserId is Guid uid
            ? await db.Participants.SingleOrDefaultAsync(x => x.ConsultationId == room.Id && x.UserId == uid, ct)
            : null;
        var canModerate = staff || p?.Tier == ParticipantTier.Moderator;
        if (room.Status == ConsultationStatus.Draft && !canModerate) throw RoomErrors.Fail(RoomErrors.NotFound);

        if (caller.UserId is Guid userId)
        {
            if (p is not null)
            {
                tenancy.ActFor(room.OrganizationId);
                if (checkIn && p.CheckedInAt is null && room.Status is ConsultationStatus.Live or ConsultationStatus.Scheduled)
                {
                    p.CheckedInAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(ct);
                }
                var sector = await SectorOfAsync(p, ct);
                return new RoomActor(RoomActor.UserKey(userId), p.DisplayName, p.Tier, p.Id, userId, sector,
                    canModerate, true, p.Tier is not (ParticipantTier.Public or ParticipantTier.Moderator));
            }
            // Not registered: staff moderate; a moderator account moderates only sessions it is registered for, elsewhere it takes part by its other roles.
            var tier = staff ? ParticipantTier.Moderator
                : roles.Contains(Roles.Member) ? ParticipantTier.Member
                : roles.Contains(Roles.Department) ? ParticipantTier.Department
                : roles.Contains(Roles.Leader) ? ParticipantTier.Invited
                : ParticipantTier.Public;
            if (!staff && room.PublicAccess == PublicAccess.Closed) throw RoomErrors.Fail(RoomErrors.Forbidden);
            tenancy.ActFor(room.OrganizationId);
            return new RoomActor(RoomActor.UserKey(userId), caller.DisplayName ?? "?", tier, null, userId, null,
                staff, staff || tier != ParticipantTier.Public || room.PublicAccess == PublicAccess.Interact, false);
        }

        if (room.PublicAccess == PublicAccess.Closed) throw RoomErrors.Fail(RoomErrors.Forbidden);
        tenancy.ActFor(room.OrganizationId);
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
