using Deliberation.Core.Rooms;

namespace Deliberation.Core.Consultations;

/// <summary>Where committed room events go to be broadcast (the live side implements it).</summary>
public interface IRoomEventSink
{
    /// <summary>Queues committed events for broadcast to their rooms.</summary>
    void Publish(IReadOnlyList<CommittedEvent> events);
}
