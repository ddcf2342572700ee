// Peer for the fan-out benchmark: the least a server can do. One room; a text frame from any socket is a comment,
// wrapped once into the hub's event-batch shape and sent as the same pre-encoded frame to every socket.
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

var sockets = new ConcurrentDictionary<long, WebSocket>();
long nextId = 0;
long seq = 0;
var sendLock = new SemaphoreSlim(1, 1);

app.Map("/ws", async (HttpContext ctx) =>
{
    if (!ctx.WebSockets.IsWebSocketRequest) return Results.BadRequest();
    using var ws = await ctx.WebSockets.AcceptWebSocketAsync();
    var id = Interlocked.Increment(ref nextId);
    sockets[id] = ws;
    var buffer = new byte[4096];
    try
    {
        while (ws.State == WebSocketState.Open)
        {
            var r = await ws.ReceiveAsync(buffer, ctx.RequestAborted);
            if (r.MessageType == WebSocketMessageType.Close) break;
            var text = Encoding.UTF8.GetString(buffer, 0, r.Count);
            // One frame per comment, encoded once, in order (one broadcast at a time keeps the sequence monotonic).
            await sendLock.WaitAsync();
            try
            {
                var s = ++seq;
                var frame = Encoding.UTF8.GetBytes(
                    $"{{\"roomId\":\"bench\",\"events\":[{{\"seq\":{s},\"type\":\"CommentShown\",\"at\":\"{DateTimeOffset.UtcNow:O}\",\"data\":{{\"text\":\"{text}\"}}}}]}}");
                var sends = new List<Task>(sockets.Count);
                foreach (var (_, peer) in sockets)
                {
                    if (peer.State == WebSocketState.Open) sends.Add(SendQuietly(peer, frame));
                }
                await Task.WhenAll(sends);
            }
            finally
            {
                sendLock.Release();
            }
        }
    }
    catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
    {
        // the client went away
    }
    finally
    {
        sockets.TryRemove(id, out _);
    }
    return Results.Empty;
});

app.Run();

static async Task SendQuietly(WebSocket ws, byte[] frame)
{
    try
    {
        await ws.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
    }
    catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
    {
        // a socket closing mid-send; its receive loop removes it
    }
}
