using System.Collections.Concurrent;
using System.Text.Json;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// A real SignalR client (WebSockets through the test server) that speaks the room protocol exactly as the browser's
/// room-client.ts does: the same Join request (<c>{ roomId, lastSeq, screen }</c>, lastSeq only when resuming), events
/// arriving during Join held until it returns, events in sequence order, duplicates dropped, a gap waited on for
/// 400 ms and then filled with Resume, a trailing gap noticed one presence push later, and tallies older than one
/// already seen ignored. Safe to read from the test while SignalR delivers on its own threads.
/// </summary>
public sealed class RoomTestClient : IAsyncDisposable
{
    /// <summary>As in room-client.ts: how long a gap may stay open before Resume.</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromMilliseconds(400);

    private readonly HubFactory _hub;
    private readonly Person _person;
    private readonly Guid _roomId;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, RoomEventMessage> _ahead = new();
    private readonly List<RoomEventMessage> _applied = [];
    private readonly List<RoomEventMessage> _held = [];
    private readonly Dictionary<Guid, long> _tallyVersions = [];
    private HubConnection _connection = null!;
    private long _lastSeq;
    private long _announcedSeq;
    private bool _joining;
    private bool _gapTimer;
    private JoinResult _joined = null!;

    private RoomTestClient(HubFactory hub, Person person, Guid roomId)
    {
        _hub = hub;
        _person = person;
        _roomId = roomId;
    }

    public long LastSeq { get { lock (_gate) return _lastSeq; } }

    /// <summary>While set, event batches are lost on the way in (as during a backplane outage).</summary>
    public bool LoseBatches { get; set; }

    /// <summary>The events applied so far, in order (a copy).</summary>
    public IReadOnlyList<RoomEventMessage> Applied { get { lock (_gate) return [.. _applied]; } }

    public ConcurrentQueue<Notice> Notices { get; } = new();

    /// <summary>Tallies as the browser takes them: each newer than the last one taken for its poll.</summary>
    public ConcurrentQueue<PollTally> Tallies { get; } = new();
    public ConcurrentQueue<QueueChange> QueueChanges { get; } = new();
    public ConcurrentQueue<IReadOnlyList<QuestionVotes>> VoteChanges { get; } = new();
    public JoinResult Joined { get { lock (_gate) return _joined; } }
    public HubConnection Connection => _connection;

    public static async Task<RoomTestClient> ConnectAsync(HubFactory hub, Person person, Guid roomId)
    {
        var client = new RoomTestClient(hub, person, roomId);
        await client.StartAsync();
        return client;
    }

    private async Task StartAsync()
    {
        var ws = _hub.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = _person.CookieHeader;
        var connection = new HubConnectionBuilder()
            .WithUrl("http://localhost/hubs/room", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (ctx, ct) => await ws.ConnectAsync(ctx.Uri, ct);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        connection.On<EventBatch>(nameof(IRoomClient.EventsReceived), b => { if (!LoseBatches) Receive(b.Events); });
        connection.On<PresenceView>(nameof(IRoomClient.PresenceChanged), p => CheckTrailingGap(p.Seq));
        connection.On<Notice>(nameof(IRoomClient.NoticeReceived), n => Notices.Enqueue(n));
        connection.On<PollTally>(nameof(IRoomClient.PollTallied), DeliverTally);
        connection.On<QueueChange>(nameof(IRoomClient.ModerationQueueChanged), q => QueueChanges.Enqueue(q));
        connection.On<IReadOnlyList<QuestionVotes>>(nameof(IRoomClient.QuestionVotesChanged), v => VoteChanges.Enqueue(v));
        _connection = connection;
        await connection.StartAsync();
        await JoinAsync();
    }

    private async Task JoinAsync()
    {
        long lastSeq;
        lock (_gate)
        {
            _joining = true;
            lastSeq = _lastSeq;
        }
        // The browser's request, field for field (room-client.ts join()).
        var request = new { roomId = _roomId, lastSeq = lastSeq > 0 ? lastSeq : (long?)null, screen = false };
        JoinResult result;
        try
        {
            result = await _connection.InvokeAsync<JoinResult>("Join", request);
        }
        catch
        {
            lock (_gate) _joining = false;
            throw;
        }
        List<RoomEventMessage> pending;
        lock (_gate)
        {
            _joined = result;
            if (result.Snapshot is not null)
            {
                _lastSeq = result.Snapshot.Seq;
                _ahead.Clear();
                _tallyVersions.Clear();
                foreach (var t in result.Snapshot.Tallies) _tallyVersions[t.PollId] = t.Version;
            }
            _joining = false;
            pending = [.. result.Missed ?? [], .. _held];
            _held.Clear();
        }
        foreach (var t in result.Tallies) DeliverTally(t);
        Receive(pending);
        if (result.QuestionVotes is { Count: > 0 } votes) VoteChanges.Enqueue(votes);
    }

    private void Receive(IReadOnlyList<RoomEventMessage> events)
    {
        lock (_gate)
        {
            if (_joining)
            {
                _held.AddRange(events);
                return;
            }
            foreach (var e in events.Where(e => e.Seq > _lastSeq)) _ahead[e.Seq] = e;
            while (_ahead.Remove(_lastSeq + 1, out var next))
            {
                _applied.Add(next);
                _lastSeq = next.Seq;
            }
            if (_ahead.Count == 0 || _gapTimer) return;
            _gapTimer = true;
        }
        // Events can overtake each other between nodes: give stragglers a moment, then ask the database. Never awaited
        // inside a SignalR handler (an invocation awaited there would wait on the loop that delivers its answer).
        _ = Task.Run(async () =>
        {
            await Task.Delay(GapWait);
            await FillGapAsync();
        });
    }

    private async Task FillGapAsync()
    {
        long from;
        lock (_gate)
        {
            _gapTimer = false;
            if (_ahead.Count == 0 || _joining) return;
            from = _lastSeq;
        }
        try
        {
            Receive(await _connection.InvokeAsync<List<RoomEventMessage>>("Resume", from));
        }
        catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The connection is going away: the rejoin fills the gap.
        }
    }

    /// <summary>
    /// The presence push carries the room's last sequence; if what the previous push announced still has not
    /// arrived, the last batch was lost: fetch it (waiting one push skips events merely in flight).
    /// </summary>
    private void CheckTrailingGap(long seq)
    {
        long from;
        lock (_gate)
        {
            var due = _announcedSeq;
            _announcedSeq = seq;
            if (due <= _lastSeq || _joining || _gapTimer) return;
            from = _lastSeq;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                Receive(await _connection.InvokeAsync<List<RoomEventMessage>>("Resume", from));
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or OperationCanceledException or IOException)
            {
                // As the browser: the next push tries again.
            }
        });
    }

    private void DeliverTally(PollTally tally)
    {
        lock (_gate)
        {
            if (_tallyVersions.TryGetValue(tally.PollId, out var seen) && tally.Version < seen) return;
            _tallyVersions[tally.PollId] = tally.Version;
        }
        Tallies.Enqueue(tally);
    }

    /// <summary>Simulates a network drop: the connection dies without a goodbye, then the client comes back and resumes.</summary>
    public async Task DropAsync() => await _connection.DisposeAsync();

    /// <summary>Reconnects and resumes with <c>Join(lastSeq)</c>, as the browser after a drop.</summary>
    public Task ReconnectAsync() => StartAsync();

    public Task<T> InvokeAsync<T>(string method, params object?[] args) => _connection.InvokeCoreAsync<T>(method, args);

    public Task InvokeAsync(string method, params object?[] args) => _connection.InvokeCoreAsync(method, args);

    public IEnumerable<T> Events<T>(string type) =>
        Applied.Where(e => e.Type == type).Select(e => e.Data.Deserialize<T>(RoomUnit.Json)!).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds (events arrive in 100 ms batches).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in time");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
