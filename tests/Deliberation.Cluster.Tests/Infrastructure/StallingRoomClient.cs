using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>
/// A viewer that stops reading: the SignalR JSON protocol by hand over a WebSocket on a socket with a tiny receive
/// buffer, so the server's writes back up after a few kilobytes. Until <see cref="ReadUntilAsync"/> it reads nothing;
/// then it applies events as the browser does (once, in order, a gap filled with Resume, a trailing gap noticed from
/// the presence push).
/// </summary>
public sealed class StallingRoomClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
    private readonly SortedDictionary<long, long> _ahead = new();
    private WebSocket _ws = null!;
    private string _partial = "";
    private int _invocations;
    private bool _resuming;
    private bool _joined;
    private long _announced;
    private readonly CancellationTokenSource _stopPinging = new();
    private Task _pinging = Task.CompletedTask;

    public long LastSeq { get; private set; }
    public List<long> Applied { get; } = [];

    /// <summary>Connects to a node anonymously, joins the room and then reads nothing more.</summary>
    public static async Task<StallingRoomClient> JoinAsync(string nodeUrl, Guid roomId)
    {
        var client = new StallingRoomClient();
        var uri = new Uri(nodeUrl);
        await client._socket.ConnectAsync(uri.Host, uri.Port);
        var stream = new NetworkStream(client._socket, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /hubs/room HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\n" +
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("closed during the upgrade");
            head.Append((char)one[0]);
        }
        Assert.StartsWith("HTTP/1.1 101", head.ToString());
        client._ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { KeepAliveInterval = TimeSpan.Zero });
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        await client.NextMessagesAsync(); // the handshake answer
        await client.InvokeAsync("Join", new { roomId, lastSeq = (long?)null, screen = false });
        while (!client._joined) client.Handle(await client.NextMessagesAsync());
        // It still pings, as a stalled tab's socket stays open: the server must cut it for not reading, not for silence.
        client._pinging = client.PingAsync(client._stopPinging.Token);
        return client;
    }

    /// <summary>Starts reading again and applies what arrives until the last sequence reaches <paramref name="seq"/>.</summary>
    public async Task ReadUntilAsync(long seq, TimeSpan timeout)
    {
        await _stopPinging.CancelAsync();
        await _pinging;
        using var cts = new CancellationTokenSource(timeout);
        while (LastSeq < seq) Handle(await NextMessagesAsync(cts.Token));
    }

    private async Task PingAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                await SendAsync("{\"type\":6}");
            }
        }
        catch (OperationCanceledException)
        {
            // reading again
        }
    }

    private void Handle(List<JsonElement> messages)
    {
        foreach (var m in messages)
        {
            var type = m.GetProperty("type").GetInt32();
            if (type == 1 && m.GetProperty("target").GetString() == "EventsReceived")
            {
                var events = m.GetProperty("arguments")[0].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
                Apply(events);
            }
            else if (type == 1 && m.GetProperty("target").GetString() == "PresenceChanged")
            {
                // As the browser: what the previous push announced and has still not arrived was not sent to us.
                var due = _announced;
                _announced = m.GetProperty("arguments")[0].GetProperty("seq").GetInt64();
                if (due > LastSeq && !_resuming)
                {
                    _resuming = true;
                    _ = InvokeAsync("Resume", LastSeq);
                }
            }
            else if (type == 3 && m.GetProperty("invocationId").GetString() == "1")
            {
                _joined = true;
                LastSeq = m.GetProperty("result").GetProperty("snapshot").GetProperty("seq").GetInt64();
            }
            else if (type == 3)
            {
                _resuming = false;
                Apply(m.GetProperty("result").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList());
            }
        }
    }

    private void Apply(List<long> seqs)
    {
        foreach (var s in seqs.Where(s => s > LastSeq)) _ahead[s] = s;
        while (_ahead.Remove(LastSeq + 1))
        {
            LastSeq++;
            Applied.Add(LastSeq);
        }
        if (_ahead.Count > 0 && !_resuming)
        {
            _resuming = true;
            _ = InvokeAsync("Resume", LastSeq);
        }
    }

    private Task InvokeAsync(string target, object argument)
    {
        var id = Interlocked.Increment(ref _invocations).ToString();
        return SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments = new[] { argument } }));
    }

    private Task SendAsync(string json) =>
        _ws.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<List<JsonElement>> NextMessagesAsync(CancellationToken ct = default)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder(_partial);
        WebSocketReceiveResult r;
        do
        {
            r = await _ws.ReceiveAsync(buffer, ct);
            if (r.MessageType == WebSocketMessageType.Close) throw new IOException("the server closed the connection");
            text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
        } while (!r.EndOfMessage || text[^1] != Separator);
        var parts = text.ToString().Split(Separator);
        _partial = parts[^1];
        return parts[..^1].Where(p => p.Length > 0).Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopPinging.CancelAsync();
        await _pinging;
        _ws.Abort();
        _ws.Dispose();
        _stopPinging.Dispose();
    }
}
