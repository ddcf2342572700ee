using System.Text.Json;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>One event as it travels (the contract's shape, kept local so this project needs no host assemblies).</summary>
public sealed record WireEvent(long Seq, string Type, DateTimeOffset At, JsonElement Data);

public sealed record WireBatch(Guid RoomId, List<WireEvent> Events);

public sealed record WirePresence(int Total, Dictionary<string, int> ByTier, long Seq);

public sealed record WireJoin(Guid RoomId, JsonElement Me, WireSnapshot? Snapshot, List<WireEvent>? Missed);

public sealed record WireSnapshot(long Seq);

/// <summary>
/// The room protocol as the browser runs it, against real nodes: WebSockets without negotiation, events applied
/// once in order, gaps filled with Resume, a trailing gap noticed from the presence push's sequence, and after the
/// connection dies a new connection to the next node that is up, with Join(lastSeq).
/// </summary>
public sealed class ClusterRoomClient : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<string>> _nodes;
    private readonly Guid _roomId;
    private readonly string? _cookie;
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly SortedDictionary<long, WireEvent> _ahead = new();
    private HubConnection? _connection;
    private long _announcedSeq;
    private bool _disposed;
    private int _nodeIndex;

    private ClusterRoomClient(Func<IReadOnlyList<string>> nodes, int first, Guid roomId, string? cookie)
    {
        _nodes = nodes;
        _nodeIndex = first;
        _roomId = roomId;
        _cookie = cookie;
    }

    public long LastSeq { get; private set; }
    public List<WireEvent> Applied { get; } = [];
    public int Reconnects { get; private set; }
    public int PresenceTotal { get; private set; }
    public string ConnectedTo { get; private set; } = "";
    public bool Connected => _connection?.State == HubConnectionState.Connected;

    public IEnumerable<string> CommentTexts
    {
        get
        {
            lock (Applied) return Applied.Where(e => e.Type == RoomEventTypes.CommentShown).Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        }
    }

    public static async Task<ClusterRoomClient> ConnectAsync(Func<IReadOnlyList<string>> nodes, int first, Guid roomId, string? cookie = null)
    {
        var c = new ClusterRoomClient(nodes, first, roomId, cookie);
        await c.StartAsync(null);
        return c;
    }

    private async Task StartAsync(long? lastSeq)
    {
        var nodes = _nodes();
        var url = nodes[_nodeIndex % nodes.Count];
        var connection = new HubConnectionBuilder()
            .WithUrl($"{url}/hubs/room", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (_cookie is not null) o.Headers["Cookie"] = _cookie;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(10);
        connection.On<WireBatch>("EventsReceived", b => OnEventsAsync(b.Events));
        connection.On<WirePresence>("PresenceChanged", p =>
        {
            PresenceTotal = p.Total;
            return CheckTrailingGapAsync(p.Seq);
        });
        connection.Closed += _ => OnClosedAsync();
        await connection.StartAsync();
        _connection = connection;
        ConnectedTo = url;
        var joined = await JoinAsync(connection, lastSeq);
        if (joined.Snapshot is not null && lastSeq is null) LastSeq = joined.Snapshot.Seq;
        if (joined.Missed is not null) await OnEventsAsync(joined.Missed);
    }

    /// <summary>Joins as the browser does: the same request, and a join refused with room.try_again (the database was briefly away) is tried again.</summary>
    private async Task<WireJoin> JoinAsync(HubConnection connection, long? lastSeq)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return await connection.InvokeAsync<WireJoin>("Join", new { roomId = _roomId, lastSeq, screen = false });
            }
            catch (HubException ex) when (ex.Message.Contains("room.try_again") && DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
        }
    }

    private async Task OnClosedAsync()
    {
        // The node went away: the next node that answers takes over, and Join(lastSeq) brings the missed events.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!_disposed && DateTime.UtcNow < until)
        {
            _nodeIndex++;
            try
            {
                await StartAsync(LastSeq);
                Reconnects++;
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException
                                        or InvalidOperationException or TimeoutException or OperationCanceledException or HubException)
            {
                await Task.Delay(250);
            }
        }
    }

    private async Task CheckTrailingGapAsync(long seq)
    {
        var due = Interlocked.Exchange(ref _announcedSeq, seq);
        if (due > LastSeq) await ResumeAsync();
    }

    private async Task ResumeAsync()
    {
        try
        {
            await OnEventsAsync(await _connection!.InvokeAsync<List<WireEvent>>("Resume", LastSeq));
        }
        catch (HubException)
        {
            // room.try_again while the database is away: the next presence push or batch asks again
        }
    }

    private async Task OnEventsAsync(IReadOnlyList<WireEvent> events)
    {
        await _apply.WaitAsync();
        try
        {
            foreach (var e in events.Where(e => e.Seq > LastSeq)) _ahead[e.Seq] = e;
            while (_ahead.Remove(LastSeq + 1, out var next))
            {
                lock (Applied) Applied.Add(next);
                LastSeq = next.Seq;
            }
        }
        finally
        {
            _apply.Release();
        }
        if (_ahead.Count > 0) await ResumeAsync();
    }

    public Task<T> InvokeAsync<T>(string method, params object?[] args) => _connection!.InvokeCoreAsync<T>(method, args);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
