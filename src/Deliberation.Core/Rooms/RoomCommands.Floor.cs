using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Rooms;

public sealed partial class RoomCommands
{
    /// <summary>Asks for the floor (申请发言), oral or written (书面发言, with its text). One open request per person.</summary>
    public async Task<RoomResult> RequestFloorAsync(Guid roomId, RoomActor actor, SpeechKind kind, string? topic, string? text, CancellationToken ct)
    {
        if (!actor.MayTakeFloor || actor.ParticipantId is not Guid participantId) throw RoomErrors.Fail(RoomErrors.Forbidden);
        var room = await LoadRoomAsync(roomId, ct);
        RequireLive(room);
        var cleanTopic = string.IsNullOrWhiteSpace(topic) ? null : RoomText.Clean(topic, RoomText.ShortMax);
        var cleanText = kind == SpeechKind.Written ? RoomText.Clean(text, RoomText.StatementMax) : null;
        if (await db.Speeches.AnyAsync(s => s.ConsultationId == roomId && s.ParticipantId == participantId
                && (s.Status == SpeechStatus.Queued || s.Status == SpeechStatus.Speaking), ct))
        {
            throw RoomErrors.Fail(RoomErrors.WrongState);
        }
        var position = await db.Speeches.Where(s => s.ConsultationId == roomId).MaxAsync(s => (int?)s.Position, ct) ?? 0;
        var speech = new Speech
        {
            ConsultationId = roomId, ParticipantId = participantId, SpeakerKey = actor.Key, SpeakerName = actor.Name, Tier = actor.Tier,
            Sector = actor.Sector, Kind = kind, Topic = cleanTopic, Text = cleanText, Status = SpeechStatus.Queued,
            Position = position + 1, RequestedAt = Now, AgendaItemId = room.Room.CurrentAgendaItemId,
            AllowedSeconds = Math.Max(1, room.Room.SpeakingMinutes) * 60,
        };
        db.Speeches.Add(speech);
        return await PublishQueueAsync(roomId, null, speech.Id, ct);
    }

    /// <summary>Withdraws one's own queued request.</summary>
    public async Task<RoomResult> WithdrawFloorAsync(Guid roomId, RoomActor actor, Guid speechId, CancellationToken ct)
    {
        var s = await db.Speeches.SingleOrDefaultAsync(x => x.Id == speechId && x.ConsultationId == roomId && x.SpeakerKey == actor.Key, ct)
            ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (s.Status != SpeechStatus.Queued) throw RoomErrors.Fail(RoomErrors.WrongState);
        s.Status = SpeechStatus.Withdrawn;
        return await PublishQueueAsync(roomId, null, null, ct);
    }

    /// <summary>Puts the queue in the given order (ids not listed keep their relative order after these).</summary>
    public async Task<RoomResult> ReorderFloorAsync(Guid roomId, RoomActor actor, IReadOnlyList<Guid> order, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "floor.reorder", ct);
        var queued = await db.Speeches.Where(s => s.ConsultationId == roomId && s.Status == SpeechStatus.Queued).OrderBy(s => s.Position).ToListAsync(ct);
        var ordered = order.Select(id => queued.FirstOrDefault(s => s.Id == id)).OfType<Speech>()
            .Concat(queued.Where(s => !order.Contains(s.Id))).ToList();
        var first = queued.Count == 0 ? 0 : queued.Min(s => s.Position);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = first + i;
        AuditLog.Record(db, AuditActor(actor), "floor.reorder", nameof(Speech), roomId, after: ordered.Select(s => s.Id), at: Now);
        return await PublishQueueAsync(roomId, null, null, ct);
    }

    /// <summary>Gives the floor to a queued speaker; whoever spoke before is ended. The countdown starts now.</summary>
    public async Task<RoomResult> GrantFloorAsync(Guid roomId, RoomActor actor, Guid speechId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "floor.grant", ct);
        var room = await LoadRoomAsync(roomId, ct);
        RequireLive(room);
        var s = await db.Speeches.SingleOrDefaultAsync(x => x.Id == speechId && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (s.Status != SpeechStatus.Queued) throw RoomErrors.Fail(RoomErrors.WrongState);
        foreach (var current in await db.Speeches.Where(x => x.ConsultationId == roomId && x.Status == SpeechStatus.Speaking).ToListAsync(ct))
        {
            current.Status = SpeechStatus.Done;
            current.EndedAt = Now;
        }
        s.Status = SpeechStatus.Speaking;
        s.StartedAt = Now;
        s.AllowedSeconds = Math.Max(1, room.Room.SpeakingMinutes) * 60;
        AuditLog.Record(db, AuditActor(actor), "floor.grant", nameof(Speech), s.Id, at: Now);
        var result = await PublishQueueAsync(roomId, s, null, ct);
        return result with { Effects = [.. result.Effects, new NoticeEffect(s.SpeakerKey, "floor.granted", s.Id.ToString())] };
    }

    /// <summary>Ends the current speech; its end time goes on the record.</summary>
    public async Task<RoomResult> EndSpeechAsync(Guid roomId, RoomActor actor, Guid speechId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "floor.end", ct);
        var s = await db.Speeches.SingleOrDefaultAsync(x => x.Id == speechId && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (s.Status != SpeechStatus.Speaking) throw RoomErrors.Fail(RoomErrors.WrongState);
        s.Status = SpeechStatus.Done;
        s.EndedAt = Now;
        AuditLog.Record(db, AuditActor(actor), "floor.end", nameof(Speech), s.Id, at: Now);
        return await PublishQueueAsync(roomId, s, null, ct, ended: true);
    }

    /// <summary>Declines a queued request.</summary>
    public async Task<RoomResult> DeclineFloorAsync(Guid roomId, RoomActor actor, Guid speechId, CancellationToken ct)
    {
        await RequireModeratorAsync(roomId, actor, "floor.decline", ct);
        var s = await db.Speeches.SingleOrDefaultAsync(x => x.Id == speechId && x.ConsultationId == roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.ItemNotFound);
        if (s.Status != SpeechStatus.Queued) throw RoomErrors.Fail(RoomErrors.WrongState);
        s.Status = SpeechStatus.Declined;
        var result = await PublishQueueAsync(roomId, null, null, ct);
        return result with { Effects = [.. result.Effects, new NoticeEffect(s.SpeakerKey, "floor.declined", s.Id.ToString())] };
    }

    private async Task<RoomResult> PublishQueueAsync(Guid roomId, Speech? speaker, Guid? requestId, CancellationToken ct, bool ended = false)
    {
        await using var unit = await BeginAsync(roomId, ct);
        await db.SaveChangesAsync(ct);
        var queue = await db.Speeches.AsNoTracking().Where(s => s.ConsultationId == roomId && s.Status == SpeechStatus.Queued)
            .OrderBy(s => s.Position).ToListAsync(ct);
        unit.Publish(RoomEventTypes.FloorQueueChanged, queue.Select(FloorView).ToList());
        if (speaker is not null) unit.Publish(RoomEventTypes.SpeakerChanged, ended ? NoSpeaker : SpeakerOf(speaker));
        var events = await unit.CommitAsync(ct);
        return new RoomResult(events, [], requestId);
    }

    /// <summary>The client view of a queued request.</summary>
    public static FloorRequestView FloorView(Speech s) =>
        new(s.Id, s.SpeakerName, s.Tier.ToString(), s.Sector, s.Kind.ToString(), s.Topic, s.Status.ToString(), s.Position);

    /// <summary>The client view of a speaker.</summary>
    public static SpeakerView SpeakerOf(Speech s) =>
        new(s.Id, s.SpeakerName, s.Tier.ToString(), s.Sector, s.Kind.ToString(), s.Topic, s.Text, s.StartedAt, s.AllowedSeconds);

    /// <summary>Nobody has the floor.</summary>
    public static readonly SpeakerView NoSpeaker = new(null, null, null, null, null, null, null, null, 0);
}
