using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.BadInput;

/// <summary>
/// A SignalR JSON-protocol client over a bare WebSocket: it sends frames exactly as written, so a test can send what
/// a browser's <c>JSON.stringify</c> produces (a lone <c>\ud800</c>, a NUL escape, a number where a string belongs),
/// which the .NET client would refuse to serialise or fix up.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly WebSocket _socket;
    private readonly StringBuilder _pending = new();
    private int _nextId;

    private RawHubClient(WebSocket socket) => _socket = socket;

    public static async Task<RawHubClient> ConnectAsync(HubFactory hub, Person person)
    {
        var ws = hub.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = person.CookieHeader;
        var socket = await ws.ConnectAsync(new Uri("ws://localhost/hubs/room"), CancellationToken.None);
        var client = new RawHubClient(socket);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await client.ReceiveAsync();
        if (handshake.TryGetProperty("error", out var error)) throw new InvalidOperationException(error.GetString());
        return client;
    }

    /// <summary>Invokes <paramref name="target"/> with the arguments array given as raw JSON; returns the completion message.</summary>
    public async Task<Completion> InvokeAsync(string target, string argumentsJson)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{JsonSerializer.Serialize(target)},\"arguments\":{argumentsJson}}}");
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetInt32() == 7) throw new InvalidOperationException($"the server closed the connection: {message}");
            if (message.GetProperty("type").GetInt32() != 3 || message.GetProperty("invocationId").GetString() != id) continue;
            return new Completion(message.TryGetProperty("error", out var e) ? e.GetString() : null,
                message.TryGetProperty("result", out var r) ? r.Clone() : null);
        }
    }

    private async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, timeout.Token);
    }

    private async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(Separator);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return JsonDocument.Parse(text[..end]).RootElement.Clone();
            }
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the server closed the socket");
            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token); }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { /* the test server may already be gone */ }
        }
        _socket.Dispose();
    }
}

/// <summary>A completion: the error text the client sees, or the result.</summary>
public sealed record Completion(string? Error, JsonElement? Result);
