using System.Collections.Concurrent;
using System.Text.Json;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// A real SignalR client (WebSockets through the test server) that applies the room protocol the way the browser
/// does: events in sequence order, duplicates dropped, gaps filled with Resume, and Join(lastSeq) after a drop.
/// </summary>
public sealed class RoomTestClient : IAsyncDisposable
{
    private readonly HubFactory _hub;
    private readonly Person _person;
    private readonly Guid _roomId;
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly SortedDictionary<long, RoomEventMessage> _ahead = new();
    private HubConnection _connection = null!;
    private long _announcedSeq;

    private RoomTestClient(HubFactory hub, Person person, Guid roomId)
    {
        _hub = hub;
        _person = person;
        _roomId = roomId;
    }

    public long LastSeq { get; private set; }

    /// <summary>While set, event batches are lost on the way in (as during a backplane outage).</summary>
    public bool LoseBatches { get; set; }
    public List<RoomEventMessage> Applied { get; } = [];
    public ConcurrentQueue<Notice> Notices { get; } = new();
    public ConcurrentQueue<PollTally> Tallies { get; } = new();
    public ConcurrentQueue<QueueChange> QueueChanges { get; } = new();
    public ConcurrentQueue<IReadOnlyList<QuestionVotes>> VoteChanges { get; } = new();
    public JoinResult Joined { get; private set; } = null!;
    public HubConnection Connection => _connection;

    public static async Task<RoomTestClient> ConnectAsync(HubFactory hub, Person person, Guid roomId)
    {
        var client = new RoomTestClient(hub, person, roomId);
        await client.StartAsync(null);
        return client;
    }

    private async Task StartAsync(long? lastSeq)
    {
        var ws = _hub.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = _person.CookieHeader;
        _connection = new HubConnectionBuilder()
            .WithUrl("http://localhost/hubs/room", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (ctx, ct) => await ws.ConnectAsync(ctx.Uri, ct);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        _connection.On<EventBatch>(nameof(IRoomClient.EventsReceived), b => LoseBatches ? Task.CompletedTask : OnEventsAsync(b.Events));
        _connection.On<PresenceView>(nameof(IRoomClient.PresenceChanged), p => CheckTrailingGapAsync(p.Seq));
        _connection.On<Notice>(nameof(IRoomClient.NoticeReceived), n => Notices.Enqueue(n));
        _connection.On<PollTally>(nameof(IRoomClient.PollTallied), t => Tallies.Enqueue(t));
        _connection.On<QueueChange>(nameof(IRoomClient.ModerationQueueChanged), q => QueueChanges.Enqueue(q));
        _connection.On<IReadOnlyList<QuestionVotes>>(nameof(IRoomClient.QuestionVotesChanged), v => VoteChanges.Enqueue(v));
        await _connection.StartAsync();
        Joined = await _connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_roomId, null, lastSeq));
        if (Joined.Snapshot is not null && lastSeq is null) LastSeq = Joined.Snapshot.Seq;
        if (Joined.Missed is not null) await OnEventsAsync(Joined.Missed);
    }

    private async Task OnEventsAsync(IReadOnlyList<RoomEventMessage> events)
    {
        await _apply.WaitAsync();
        try
        {
            foreach (var e in events.Where(e => e.Seq > LastSeq)) _ahead[e.Seq] = e;
            while (_ahead.Remove(LastSeq + 1, out var next))
            {
                Applied.Add(next);
                LastSeq = next.Seq;
            }
        }
        finally
        {
            _apply.Release();
        }
        if (_ahead.Count > 0)
        {
            // A gap: fetch what is missing from the database.
            var missing = await _connection.InvokeAsync<List<RoomEventMessage>>("Resume", LastSeq);
            await OnEventsAsync(missing);
        }
    }

    /// <summary>
    /// The presence push carries the room's last sequence; if what the previous push announced still has not
    /// arrived, the last batch was lost: fetch it (waiting one push skips events merely in flight).
    /// </summary>
    private async Task CheckTrailingGapAsync(long seq)
    {
        var due = Interlocked.Exchange(ref _announcedSeq, seq);
        if (due > LastSeq) await OnEventsAsync(await _connection.InvokeAsync<List<RoomEventMessage>>("Resume", LastSeq));
    }

    /// <summary>Simulates a network drop: the connection dies without a goodbye, then the client comes back and resumes.</summary>
    public async Task DropAsync() => await _connection.DisposeAsync();

    public Task ReconnectAsync() => StartAsync(LastSeq);

    public Task<T> InvokeAsync<T>(string method, params object?[] args) => _connection.InvokeCoreAsync<T>(method, args);

    public Task InvokeAsync(string method, params object?[] args) => _connection.InvokeCoreAsync(method, args);

    public IEnumerable<T> Events<T>(string type) =>
        Applied.Where(e => e.Type == type).Select(e => e.Data.Deserialize<T>(RoomUnit.Json)!);

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
