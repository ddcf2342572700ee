using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>Moves the room to the given agenda item (议程); everyone sees it.</summary>
    public async Task<RoomResult> SetAgendaItemAsync(Guid roomId, RoomActor actor, Guid? agendaItemId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "room.agenda", ct);
        await using var unit = await BeginAsync(roomId, ct);
        var room = await LockRoomAsync(roomId, ct);
        RequireNotClosed(room);
        AgendaItem? item = null;
        if (agendaItemId is Guid id)
        {
            item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        }
        room.Room.CurrentAgendaItemId = item?.Id;
        unit.Publish(RoomEventTypes.AgendaItemChanged, new { Id = item?.Id, item?.Order, item?.Title, item?.Presenter });
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>Makes an announcement (公告) to the whole room; an empty text clears it.</summary>
    public async Task<RoomResult> AnnounceAsync(Guid roomId, RoomActor actor, string? text, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "room.announce", ct);
        await using var unit = await BeginAsync(roomId, ct);
        var room = await LockRoomAsync(roomId, ct);
        RequireNotClosed(room);
        var clean = string.IsNullOrWhiteSpace(text) ? null : RoomText.Clean(text, 500);
        room.Room.Announcement = clean;
        AuditLog.Record(db, AuditActor(actor), "room.announce", nameof(Consultation), roomId, after: new { clean }, at: Now);
        unit.Publish(RoomEventTypes.AnnouncementMade, new { Text = clean, By = actor.Name });
        return new RoomResult(await unit.CommitAsync(ct), []);
    }

    /// <summary>Staff check in (签到) a participant present in the hall by hand.</summary>
    public async Task<RoomResult> CheckInAsync(Guid roomId, RoomActor actor, Guid participantId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "participant.checkin", ct);
        var p = await db.Participants.SingleOrDefaultAsync(x => x.Id == participantId && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (p.CheckedInAt is not null) return new RoomResult([], [], p.CheckedInAt);
        p.CheckedInAt = Now;
        AuditLog.Record(db, AuditActor(actor), "participant.checkin", nameof(Participant), p.Id, after: new { p.CheckedInAt, p.DisplayName }, at: Now);
        await db.SaveChangesAsync(ct);
        return new RoomResult([], [], p.CheckedInAt);
    }

    /// <summary>Records an outcome confirmed in the room (共识, 分歧, 意见建议 with a proposed department, 下一步).</summary>
    public async Task<RoomResult> RecordOutcomeAsync(Guid roomId, RoomActor actor, OutcomeKind kind, string? text, Guid? departmentId,
        IReadOnlyList<string>? sourceRefs, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "outcome.record", ct);
        var clean = RoomText.Clean(text, 2000);
        if (departmentId is Guid d && !await db.Departments.AnyAsync(x => x.Id == d, ct)) throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        var position = await db.RoomOutcomes.Where(o => o.ConsultationId == roomId && o.Kind == kind).MaxAsync(o => (int?)o.Position, ct) ?? 0;
        var outcome = new RoomOutcome
        {
            ConsultationId = roomId, Kind = kind, Position = position + 1, Text = clean, DepartmentId = departmentId,
            SourceRefs = (sourceRefs ?? []).Where(r => r.Length <= 60).Take(20).ToList(), CreatedBy = actor.Name, CreatedAt = Now,
        };
        db.RoomOutcomes.Add(outcome);
        AuditLog.Record(db, AuditActor(actor), "outcome.record", nameof(RoomOutcome), outcome.Id, after: new { kind, clean, departmentId }, at: Now);
        await db.SaveChangesAsync(ct);
        return new RoomResult([], [], outcome.Id);
    }

    /// <summary>Changes the room's moderation settings.</summary>
    public async Task<RoomResult> UpdateSettingsAsync(Guid roomId, RoomActor actor, bool preModeratePublic, bool preModerateMembers,
        int speakingMinutes, int reportThreshold, int publicCommentIntervalSeconds, IReadOnlyList<string> sensitiveWords, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "room.settings", ct);
        await using var unit = await BeginAsync(roomId, ct);
        var room = await LockRoomAsync(roomId, ct);
        if (speakingMinutes is < 1 or > 60 || reportThreshold is < 1 or > 100 || publicCommentIntervalSeconds is < 0 or > 600)
        {
            throw RoomErrors.Fail(RoomErrors.InvalidAnswer);
        }
        var before = new { room.Room.PreModeratePublic, room.Room.PreModerateMembers, room.Room.SpeakingMinutes, room.Room.ReportThreshold, room.Room.SensitiveWords };
        room.Room.PreModeratePublic = preModeratePublic;
        room.Room.PreModerateMembers = preModerateMembers;
        room.Room.SpeakingMinutes = speakingMinutes;
        room.Room.ReportThreshold = reportThreshold;
        room.Room.PublicCommentIntervalSeconds = publicCommentIntervalSeconds;
        room.Room.SensitiveWords = sensitiveWords.Select(w => w.Trim()).Where(w => w.Length is > 0 and <= 30).Distinct().Take(500).ToList();
        AuditLog.Record(db, AuditActor(actor), "room.settings", nameof(Consultation), roomId, before, new { preModeratePublic, preModerateMembers, speakingMinutes, reportThreshold, room.Room.SensitiveWords }, Now);
        await unit.CommitAsync(ct);
        return RoomResult.None;
    }

    /// <summary>Starts (live) or ends the session from the console; the room hears of it and listeners run after commit.</summary>
    public async Task<RoomResult> ChangeStatusAsync(Guid roomId, RoomActor actor, ConsultationStatus next, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "room.status", ct);
        await using var unit = await BeginAsync(roomId, ct);
        var room = await LockRoomAsync(roomId, ct);
        var before = room.Status;
        room.MoveTo(next, Now);
        if (next == ConsultationStatus.Ended)
        {
            foreach (var s in await db.Speeches.Where(x => x.ConsultationId == roomId && x.Status == SpeechStatus.Speaking).ToListAsync(ct))
            {
                s.Status = SpeechStatus.Done;
                s.EndedAt = Now;
            }
            // Asked for in this transaction, so a crash after the commit cannot lose the minutes compile.
            Minutes.MinutesWork.RequestCompile(db, roomId, Now);
            await Streaming.StreamCommands.EndWithSessionAsync(db, unit, roomId, Now, ct);
        }
        AuditLog.Record(db, AuditActor(actor), "consultation.status", nameof(Consultation), roomId, new { Status = before }, new { room.Status }, Now);
        unit.Publish(RoomEventTypes.RoomStatusChanged, new { Status = next.ToString() });
        return new RoomResult(await unit.CommitAsync(ct), [], next);
    }
}
