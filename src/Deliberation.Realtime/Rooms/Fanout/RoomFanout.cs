using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms.Fanout;

/// <summary>
/// This node's connections in each room, and the send to all of them. A room message is serialised once
/// (<see cref="SerializedHubMessage"/> caches the bytes per protocol) and written to each connection without
/// waiting for any of them: a connection whose previous write has not drained (its transport buffer, bounded in
/// <c>MapRealtime</c>, is full) is skipped — the room never waits for its slowest viewer. A skipped viewer sees the
/// gap in the sequence at its next batch, or from the presence push's last sequence, and fills it with
/// <c>Resume</c>; one that has not drained for <see cref="LagLimit"/> is closed and rejoins with its last sequence.
/// A skipped count push (question votes, a tally) has no sequence to resume by: a connection that missed one is
/// closed once it drains, and its <c>Join(lastSeq)</c> returns the current counts.
/// </summary>
public sealed partial class RoomFanout(ILogger<RoomFanout> logger, TimeProvider time)
{
    /// <summary>How long a write may stay undrained before the connection is closed (it then reconnects and resumes).</summary>
    public static readonly TimeSpan LagLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Member>> _rooms = new();
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new();
    private readonly Lock _membership = new();
    private long _skipped;
    private long _closed;

    /// <summary>Room messages not written to a connection because its previous write had not drained.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Connections closed because they stayed undrained for <see cref="LagLimit"/>.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    /// <summary>Remembers a connection of this node, so it can later be added to a room.</summary>
    public void Connected(HubConnectionContext connection) => _connections[connection.ConnectionId] = connection;

    /// <summary>Forgets a connection and takes it out of every room.</summary>
    public void Disconnected(string connectionId)
    {
        _connections.TryRemove(connectionId, out _);
        foreach (var group in _rooms.Keys) Remove(connectionId, group);
    }

    /// <summary>Adds a connection of this node to a room group.</summary>
    public void Add(string connectionId, string group)
    {
        if (!_connections.TryGetValue(connectionId, out var connection)) return;
        lock (_membership) _rooms.GetOrAdd(group, _ => new ConcurrentDictionary<string, Member>())[connectionId] = new Member(connection);
    }

    /// <summary>Takes a connection out of a room group.</summary>
    public void Remove(string connectionId, string group)
    {
        // Under the lock, so a room emptied here is not dropped just after a join added to it; sends take no lock.
        lock (_membership)
        {
            if (_rooms.TryGetValue(group, out var members) && members.TryRemove(connectionId, out _) && members.IsEmpty) _rooms.TryRemove(group, out _);
        }
    }

    /// <summary>This node's connections over all room groups.</summary>
    public int Viewers
    {
        get
        {
            var n = 0;
            foreach (var members in _rooms.Values) n += members.Count;
            return n;
        }
    }

    /// <summary>How many of this node's connections are in a room group.</summary>
    public int Count(string group) => _rooms.TryGetValue(group, out var members) ? members.Count : 0;

    /// <summary>
    /// Writes a message to every local connection in a room group (but <paramref name="except"/>) without waiting for
    /// any. <paramref name="catchesUp"/>: a connection that skips it recovers by itself (sequenced events, presence).
    /// </summary>
    public void Send(string group, SerializedHubMessage message, bool catchesUp, IReadOnlyList<string>? except = null)
    {
        if (!_rooms.TryGetValue(group, out var members)) return;
        var now = time.GetTimestamp();
        foreach (var (id, member) in members)
        {
            if (except is not null && except.Contains(id)) continue;
            switch (member.TryWrite(message, catchesUp, now, time))
            {
                case Write.Skipped:
                    Interlocked.Increment(ref _skipped);
                    break;
                case Write.TooLate:
                    Interlocked.Increment(ref _closed);
                    LogLagging(logger, id, LagLimit.TotalSeconds);
                    Close(members, id, member);
                    break;
                case Write.Stale:
                    Interlocked.Increment(ref _closed);
                    LogStale(logger, id);
                    Close(members, id, member);
                    break;
            }
        }
    }

    /// <summary>Closes a connection and stops writing to it (its disconnect would take it out of the room a little later).</summary>
    private static void Close(ConcurrentDictionary<string, Member> members, string id, Member member)
    {
        members.TryRemove(id, out _);
        member.Connection.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} read nothing for {Seconds} s: closed, it will rejoin and resume")]
    private static partial void LogLagging(ILogger logger, string connectionId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} missed a count push while lagging: closed, its rejoin returns current counts")]
    private static partial void LogStale(ILogger logger, string connectionId);

    private enum Write { Written, Skipped, TooLate, Stale }

    /// <summary>One connection in one room: its write still draining, if any.</summary>
    private sealed class Member(HubConnectionContext connection)
    {
        private Task? _draining;
        private long _since;
        private bool _missedCounts;
        private readonly Lock _gate = new();

        public HubConnectionContext Connection { get; } = connection;

        public Write TryWrite(SerializedHubMessage message, bool catchesUp, long now, TimeProvider time)
        {
            lock (_gate)
            {
                if (_draining is { IsCompleted: false })
                {
                    _missedCounts |= !catchesUp;
                    return time.GetElapsedTime(_since, now) >= LagLimit ? Write.TooLate : Write.Skipped;
                }
                if (_missedCounts) return Write.Stale;
                _ = _draining?.Exception; // observed: a write to a closing connection fails, and the rejoin resumes
                _draining = null;
                var write = Connection.WriteAsync(message);
                if (write.IsCompletedSuccessfully)
                {
                    write.GetAwaiter().GetResult();
                    return Write.Written;
                }
                _draining = write.AsTask();
                _since = now;
                return Write.Written;
            }
        }
    }
}
