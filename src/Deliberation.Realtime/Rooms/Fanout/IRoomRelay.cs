using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Realtime.Rooms.Fanout;

/// <summary>Carries room messages to the room's connections on the other nodes.</summary>
public interface IRoomRelay
{
    /// <summary>Hands a room message, already serialised, to the other nodes; completes once it is handed over.</summary>
    Task PublishAsync(string group, SerializedHubMessage message, bool catchesUp, IReadOnlyList<string>? except);
}

/// <summary>One node: there is nobody to relay to.</summary>
public sealed class LocalRoomRelay : IRoomRelay
{
    /// <inheritdoc />
    public Task PublishAsync(string group, SerializedHubMessage message, bool catchesUp, IReadOnlyList<string>? except) => Task.CompletedTask;
}
