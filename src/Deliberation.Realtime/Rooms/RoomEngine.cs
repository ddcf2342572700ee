using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Realtime.Rooms;

/// <summary>The live side of a room action: broadcasts what the Core rules committed and routes the side effects.</summary>
public sealed class RoomEngine(RoomBroadcaster broadcaster, TallyCoalescer coalescer, IHubContext<RoomHub, IRoomClient> hub)
{
    /// <summary>Publishes a result's events and effects; returns its value for the caller.</summary>
    public async Task<object?> ApplyAsync(Guid roomId, RoomResult result)
    {
        if (result.Events.Count > 0) broadcaster.Publish(result.Events);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case NoticeEffect n:
                    await hub.Clients.Group(RoomGroups.Participant(roomId, n.ParticipantKey)).NoticeReceived(new Notice(n.Code, n.Detail, n.ItemId));
                    break;
                case QueueEffect q:
                    await hub.Clients.Group(RoomGroups.Moderators(roomId)).ModerationQueueChanged(new QueueChange(q.Kind, q.ItemId, q.Change, q.Item));
                    break;
                default:
                    coalescer.Mark(roomId, effect);
                    break;
            }
        }
        return result.Value;
    }
}
