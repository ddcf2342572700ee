using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Realtime.Rooms;

/// <summary>Reads for the moderator console: queue, drafts, participants, settings, outcomes.</summary>
public sealed class ConsoleQueries(HubDbContext db, RoomQueries queries)
{
    /// <summary>Loads the console's state of a room.</summary>
    public async Task<ConsoleState> LoadAsync(Guid roomId, CancellationToken ct)
    {
        var room = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == roomId, ct);
        var polls = await db.Polls.AsNoTracking().Where(p => p.ConsultationId == roomId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var votes = await db.FormalVotes.AsNoTracking().Where(v => v.ConsultationId == roomId).OrderBy(v => v.CreatedAt).ToListAsync(ct);
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.ConsultationId == roomId).OrderBy(q => q.CreatedAt).ToListAsync(ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.ConsultationId == roomId && p.VisitorId == null)
            .OrderBy(p => p.Tier).ThenBy(p => p.DisplayName)
            .Select(p => new ParticipantRow(p.Id, p.DisplayName, p.Tier.ToString(), p.Affiliation, p.HasVotingRight, p.CheckedInAt)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganizationId == room.OrganizationId).OrderBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.Name)).ToListAsync(ct);
        var outcomes = await db.RoomOutcomes.AsNoTracking().Where(o => o.ConsultationId == roomId).OrderBy(o => o.Kind).ThenBy(o => o.Position)
            .Select(o => new OutcomeRow(o.Id, o.Kind.ToString(), o.Position, o.Text, o.DepartmentId)).ToListAsync(ct);
        var s = room.Room;
        return new ConsoleState(await queries.QueueAsync(roomId, ct), polls.Select(RoomCommands.View).ToList(), votes.Select(RoomCommands.View).ToList(),
            questionnaires.Select(RoomCommands.View).ToList(), participants,
            new SettingsRequest(s.PreModeratePublic, s.PreModerateMembers, s.SpeakingMinutes, s.ReportThreshold, s.PublicCommentIntervalSeconds, s.SensitiveWords),
            departments, outcomes, await MinutesAsync(roomId, ct));
    }

    /// <summary>The compile progress of the room's minutes, once the session has ended and they exist.</summary>
    public Task<MinutesProgressRow?> MinutesAsync(Guid roomId, CancellationToken ct) =>
        db.MinutesDocuments.AsNoTracking().Where(m => m.ConsultationId == roomId)
            .Select(m => new MinutesProgressRow(m.Id, m.CompileState.ToString(), m.CompileProgress)).SingleOrDefaultAsync(ct);
}
