using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Deliberation.Bench.Core;

namespace Deliberation.Bench;

/// <summary>Which server a client talks to.</summary>
public enum Flavor { Hub, SocketIo, Raw }

/// <summary>
/// A lean room client over <see cref="ClientWebSocket"/> with one reusable receive buffer: the hub's SignalR JSON
/// protocol (handshake, 0x1E-separated records, invocations, completions, pings), socket.io's engine.io framing, or
/// raw frames. Comment stamps inside received batches go straight into the ledger and histogram (found by
/// <see cref="StampScanner"/>), no per-event objects.
/// </summary>
public sealed class WireClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] HubPing = "{\"type\":6}\u001e"u8.ToArray();

    private readonly ClientWebSocket _ws = new();
    private readonly Flavor _flavor;
    private readonly int _viewer;
    private readonly DeliveryLedger? _ledger;
    private readonly LatencyHistogram? _latency;
    private readonly SemaphoreSlim _send = new(1, 1);
    private byte[] _buffer = new byte[4096];
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private readonly CancellationTokenSource _stalled = new();
    private bool _stopReading;

    public WireClient(Flavor flavor, int viewer, DeliveryLedger? ledger, LatencyHistogram? latency)
    {
        _flavor = flavor;
        _viewer = viewer;
        _ledger = ledger;
        _latency = latency;
        _ws.Options.KeepAliveInterval = TimeSpan.Zero;
        _ws.Options.SetBuffer(4096, 1024);
    }

    /// <summary>Called with an invocation id when the server acknowledged it (hub completion, socket.io ack).</summary>
    public Action<int>? Acked { get; set; }

    public Action<string>? Failed { get; set; }

    /// <summary>Stopwatch timestamp of the first event batch received (0 until then).</summary>
    public long FirstEventAt { get; private set; }

    public Task Joined => _joined.Task;

    private static long _lastDeliveryAt;

    /// <summary>Stopwatch timestamp of the latest new delivery to any viewer in this process.</summary>
    public static long LastDeliveryAt => Volatile.Read(ref _lastDeliveryAt);

    /// <summary>The latest poll counts this client saw (PollTallied), or null.</summary>
    public int[]? LastTally { get; private set; }

    public bool Open => _ws.State == WebSocketState.Open;

    /// <summary>When set, the connection is opened through it (e.g. a socket with a small receive buffer).</summary>
    public HttpMessageInvoker? Invoker { get; init; }

    /// <summary>Stops reading from the socket for good, as a viewer whose tab or network stalls: the server's writes back up.</summary>
    public void StopReading() => Volatile.Write(ref _stopReading, true);

    /// <summary>Connects and, for the hub, joins the room; completes when the join (or socket.io connect) is done.</summary>
    public async Task ConnectAsync(Uri server, Guid roomId, string? cookie, CancellationToken ct)
    {
        if (cookie is not null) _ws.Options.SetRequestHeader("Cookie", cookie);
        var path = _flavor switch
        {
            Flavor.Hub => "/hubs/room",
            Flavor.SocketIo => "/socket.io/?EIO=4&transport=websocket",
            _ => "/ws",
        };
        var uri = new Uri(new Uri(server.ToString().Replace("http", "ws")), path);
        await (Invoker is null ? _ws.ConnectAsync(uri, ct) : _ws.ConnectAsync(uri, Invoker, ct));
        _loop = Task.Run(ReceiveLoopAsync);
        if (_flavor == Flavor.Hub)
        {
            await SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"));
            await SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"0\",\"target\":\"Join\",\"arguments\":[{{\"roomId\":\"{roomId}\"}}]}}\u001e"));
        }
        else if (_flavor == Flavor.Raw)
        {
            _joined.TrySetResult();
        }
        await _joined.Task.WaitAsync(ct);
    }

    /// <summary>Sends one comment; the id comes back through <see cref="Acked"/>.</summary>
    public Task PostAsync(int invocationId, string text) => _flavor switch
    {
        Flavor.Hub => SendAsync(Encoding.UTF8.GetBytes(
            $"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"PostComment\",\"arguments\":[\"{text}\"]}}\u001e")),
        Flavor.SocketIo => SendAsync(Encoding.UTF8.GetBytes($"42{invocationId}[\"comment\",\"{text}\"]")),
        _ => PostRawAsync(invocationId, text),
    };

    private async Task PostRawAsync(int invocationId, string text)
    {
        await SendAsync(Encoding.UTF8.GetBytes(text));
        Acked?.Invoke(invocationId);
    }

    /// <summary>Keeps the hub connection alive (the server drops clients silent for 30 s).</summary>
    public Task PingAsync() => _flavor == Flavor.Hub && Open ? SendAsync(HubPing) : Task.CompletedTask;

    private async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _send.WaitAsync();
        try
        {
            await _ws.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (_ws.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult r;
                if (Volatile.Read(ref _stopReading)) await Task.Delay(Timeout.Infinite, _stalled.Token);
                do
                {
                    if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                    r = await _ws.ReceiveAsync(_buffer.AsMemory(length), CancellationToken.None);
                    length += r.Count;
                } while (!r.EndOfMessage);
                if (r.MessageType == WebSocketMessageType.Close) break;
                await OnMessageAsync(length);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // closed under us
        }
        if (_viewer >= 0) _ledger?.Closed(_viewer);
        _joined.TrySetException(new IOException("connection closed before joining"));
    }

    private async Task OnMessageAsync(int length)
    {
        switch (_flavor)
        {
            case Flavor.Hub:
                var start = 0;
                for (var i = 0; i < length; i++)
                {
                    if (_buffer[i] != RecordSeparator) continue;
                    OnHubRecord(new ReadOnlySpan<byte>(_buffer, start, i - start));
                    start = i + 1;
                }
                break;
            case Flavor.SocketIo:
                await OnSocketIoAsync(length);
                break;
            default:
                ScanStamps(new ReadOnlySpan<byte>(_buffer, 0, length));
                break;
        }
    }

    private static ReadOnlySpan<byte> EventsTarget => "\"target\":\"EventsReceived\""u8;

    private void OnHubRecord(ReadOnlySpan<byte> record)
    {
        if (record.Length <= 2) return; // the handshake answer "{}"
        // Event batches, the bulk of the traffic, skip the JSON reader: one vectorised search per marker.
        if (record.IndexOf(EventsTarget) >= 0)
        {
            ScanStamps(record);
            return;
        }
        var reader = new Utf8JsonReader(record);
        int type = 0, id = -1;
        var tally = false;
        var error = false;
        reader.Read();
        while (reader.Read() && reader.CurrentDepth == 1)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.ValueTextEquals("type")) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("invocationId")) { reader.Read(); id = int.Parse(reader.ValueSpan); }
            else if (reader.ValueTextEquals("target")) { reader.Read(); tally = reader.ValueTextEquals("PollTallied"); }
            else if (reader.ValueTextEquals("arguments") && tally) { reader.Read(); ReadTally(ref reader); }
            else if (reader.ValueTextEquals("error")) { reader.Read(); error = true; Failed?.Invoke(reader.GetString() ?? "error"); }
            else { reader.Read(); reader.Skip(); }
        }
        if (type == 3 && id == 0) { if (error) _joined.TrySetException(new IOException("join refused")); else _joined.TrySetResult(); }
        else if (type == 3 && id > 0 && !error) Acked?.Invoke(id);
        else if (type == 7) _joined.TrySetException(new IOException("server closed the connection"));
    }

    private void ReadTally(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("counts")) continue;
            reader.Read();
            var counts = new List<int>();
            while (reader.Read() && reader.TokenType == JsonTokenType.Number) counts.Add(reader.GetInt32());
            LastTally = counts.ToArray();
        }
    }

    /// <summary>Answers a single-choice poll (hub only).</summary>
    public Task AnswerAsync(int invocationId, Guid pollId, int choice) => SendAsync(Encoding.UTF8.GetBytes(
        $"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"AnswerPoll\",\"arguments\":[{{\"pollId\":\"{pollId}\",\"choices\":[{choice}]}}]}}\u001e"));

    private async Task OnSocketIoAsync(int length)
    {
        var m = new ReadOnlyMemory<byte>(_buffer, 0, length);
        var s = m.Span;
        if (s.Length == 1 && s[0] == (byte)'2') { await SendAsync("3"u8.ToArray()); return; }
        if (s[0] == (byte)'0') { await SendAsync("40"u8.ToArray()); return; }
        if (s.Length >= 2 && s[0] == (byte)'4' && s[1] == (byte)'0') { _joined.TrySetResult(); return; }
        if (s.Length >= 2 && s[0] == (byte)'4' && s[1] == (byte)'3')
        {
            var end = s[2..].IndexOf((byte)'[');
            if (end > 0 && int.TryParse(Encoding.ASCII.GetString(s.Slice(2, end)), out var id)) Acked?.Invoke(id);
            return;
        }
        if (s.Length >= 2 && s[0] == (byte)'4' && s[1] == (byte)'2') ScanStamps(s[2..]);
    }

    /// <summary>Records every comment stamp of an event batch (see <see cref="StampScanner"/>) and the highest sequence number.</summary>
    private void ScanStamps(ReadOnlySpan<byte> json)
    {
        var now = Stopwatch.GetTimestamp();
        if (FirstEventAt == 0) FirstEventAt = now;
        if (_ledger is null) return;
        var state = (Client: this, Now: now);
        var highest = StampScanner.Scan(json, ref state,
            static (ref (WireClient Client, long Now) s, long seq, int message, long sentAt) => s.Client.OnStamp(seq, message, sentAt, s.Now));
        if (highest > 0) _ledger.Seen(_viewer, highest);
    }

    private void OnStamp(long seq, int message, long sentAt, long now)
    {
        if (!_ledger!.Deliver(_viewer, message, seq)) return;
        _latency?.Record(now - sentAt);
        Volatile.Write(ref _lastDeliveryAt, now);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_ws.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // best effort
        }
        await _stalled.CancelAsync();
        _ws.Abort();
        _ws.Dispose();
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }
}
