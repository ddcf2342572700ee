using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Deliberation.Realtime.Rooms.Fanout;

/// <summary>
/// The room hub's lifetime manager: room groups (<see cref="RoomGroups.Room"/>) are kept and sent by
/// <see cref="RoomFanout"/> (never waiting on a slow connection) and carried to the other nodes by
/// <see cref="IRoomRelay"/>; everything else — participant and moderator groups, single connections, the
/// Redis backplane for those — stays with SignalR's own manager (<paramref name="inner"/>).
/// </summary>
public sealed class RoomLifetimeManager(HubLifetimeManager<RoomHub> inner, RoomFanout fanout, IRoomRelay relay)
    : HubLifetimeManager<RoomHub>, IDisposable
{
    /// <summary>Disposes SignalR's manager (the Redis one holds a connection), which the container does not track here.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <inheritdoc />
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        fanout.Connected(connection);
        await inner.OnConnectedAsync(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        fanout.Disconnected(connection.ConnectionId);
        await inner.OnDisconnectedAsync(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!RoomGroups.IsRoom(groupName)) return inner.AddToGroupAsync(connectionId, groupName, cancellationToken);
        fanout.Add(connectionId, groupName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!RoomGroups.IsRoom(groupName)) return inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        fanout.Remove(connectionId, groupName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        RoomGroups.IsRoom(groupName) ? SendRoom(groupName, methodName, args, null) : inner.SendGroupAsync(groupName, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        RoomGroups.IsRoom(groupName)
            ? SendRoom(groupName, methodName, args, excludedConnectionIds)
            : inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    /// <inheritdoc />
    public override async Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var others = new List<string>();
        foreach (var group in groupNames)
        {
            if (RoomGroups.IsRoom(group)) await SendRoom(group, methodName, args, null).ConfigureAwait(false);
            else others.Add(group);
        }
        if (others.Count > 0) await inner.SendGroupsAsync(others, methodName, args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serialises once, writes to this node's members without waiting, and hands the same bytes to the other nodes.</summary>
    private Task SendRoom(string group, string methodName, object?[] args, IReadOnlyList<string>? except)
    {
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        var catchesUp = methodName is nameof(IRoomClient.EventsReceived) or nameof(IRoomClient.PresenceChanged);
        fanout.Send(group, message, catchesUp, except);
        return relay.PublishAsync(group, message, catchesUp, except);
    }

    /// <inheritdoc />
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendAllAsync(methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) => inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    /// <inheritdoc />
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args,
        CancellationToken cancellationToken = default) => inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendUserAsync(userId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendUsersAsync(userIds, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => inner.SetConnectionResultAsync(connectionId, result);

    /// <inheritdoc />
    public override bool TryGetReturnType(string invocationId, out Type type) => inner.TryGetReturnType(invocationId, out type!);
}
