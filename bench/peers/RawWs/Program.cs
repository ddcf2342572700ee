// Peer for the fan-out benchmark: the least a server can do. One room; a text frame from any socket is a comment,
// wrapped once into the hub's event-batch shape and queued as the same pre-encoded frame for every socket. Each socket
// has its own writer and a bounded outgoing queue (QUEUE_KB, default 64 KB), as a real server needs: a slow reader
// never holds up the next comment or the other sockets; one whose queue overflows is cut (it would have to resume).
// BATCH_MS > 0 sends the comments of each such interval as one frame instead, as the hub batches every 100 ms.
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

var queueBytes = (int.TryParse(Environment.GetEnvironmentVariable("QUEUE_KB"), out var kb) && kb > 0 ? kb : 64) * 1024L;
var peers = new ConcurrentDictionary<long, Peer>();
long nextId = 0;
long seq = 0;
var broadcast = new Lock();
var batchMs = int.TryParse(Environment.GetEnvironmentVariable("BATCH_MS"), out var ms) && ms > 0 ? ms : 0;
var pending = new List<string>();
if (batchMs > 0) _ = Task.Run(FlushLoopAsync);

app.Map("/ws", async (HttpContext ctx) =>
{
    if (!ctx.WebSockets.IsWebSocketRequest) return Results.BadRequest();
    using var ws = await ctx.WebSockets.AcceptWebSocketAsync();
    var id = Interlocked.Increment(ref nextId);
    var peer = new Peer(ws, queueBytes);
    peers[id] = peer;
    var writer = peer.WriteLoopAsync();
    var buffer = new byte[4096];
    try
    {
        while (ws.State == WebSocketState.Open)
        {
            var r = await ws.ReceiveAsync(buffer, ctx.RequestAborted);
            if (r.MessageType == WebSocketMessageType.Close) break;
            var text = Encoding.UTF8.GetString(buffer, 0, r.Count);
            // One frame per comment, encoded once; queued for every socket under one lock so each sees the sequence in order.
            lock (broadcast)
            {
                var e = $"{{\"seq\":{++seq},\"type\":\"CommentShown\",\"at\":\"{DateTimeOffset.UtcNow:O}\",\"data\":{{\"text\":\"{text}\"}}}}";
                if (batchMs > 0) pending.Add(e);
                else Send(e);
            }
        }
    }
    catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
    {
        // the client went away
    }
    finally
    {
        peers.TryRemove(id, out _);
        peer.Stop();
    }
    await writer;
    return Results.Empty;
});

app.Run();

void Send(string events)
{
    var frame = Encoding.UTF8.GetBytes($"{{\"roomId\":\"bench\",\"events\":[{events}]}}");
    foreach (var (_, p) in peers) p.Offer(frame);
}

async Task FlushLoopAsync()
{
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(batchMs));
    while (await timer.WaitForNextTickAsync())
    {
        lock (broadcast)
        {
            if (pending.Count == 0) continue;
            Send(string.Join(',', pending));
            pending.Clear();
        }
    }
}

/// <summary>One socket's outgoing side: a queue bounded in bytes, drained by one writer.</summary>
internal sealed class Peer(WebSocket ws, long limit)
{
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued;

    /// <summary>Queues a frame; a socket whose queue would pass the limit is cut instead of buffering without end.</summary>
    public void Offer(byte[] frame)
    {
        if (Interlocked.Add(ref _queued, frame.Length) > limit)
        {
            Stop();
            ws.Abort();
            return;
        }
        _queue.Writer.TryWrite(frame);
    }

    public void Stop() => _queue.Writer.TryComplete();

    public async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _queue.Reader.ReadAllAsync())
            {
                await ws.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
                Interlocked.Add(ref _queued, -frame.Length);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // a socket closing mid-send; its receive loop removes it
        }
    }
}
