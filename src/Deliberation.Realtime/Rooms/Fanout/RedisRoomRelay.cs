using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Deliberation.Realtime.Rooms.Fanout;

/// <summary>
/// Several nodes: every room message goes, already serialised for each protocol, to one Redis pub/sub channel
/// (<c>{prefix}:rooms</c>); each node writes what the others published to its own members of the room. Redis
/// delivers a channel's messages in order and they are handled one at a time, so batches keep their order.
/// A message lost while Redis is away shows as a gap the clients fill with <c>Resume</c>.
/// </summary>
public sealed partial class RedisRoomRelay : IRoomRelay, IHostedService, IAsyncDisposable
{
    private readonly Guid _node = Guid.NewGuid();
    private readonly RedisChannel _channel;
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis;
    private readonly RoomFanout _fanout;
    private readonly IReadOnlyList<IHubProtocol> _protocols;
    private readonly ILogger<RedisRoomRelay> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;

    /// <summary>Connects lazily to <c>Realtime:Redis</c>.</summary>
    public RedisRoomRelay(IOptions<RealtimeOptions> options, RoomFanout fanout, IHubProtocolResolver protocols, ILogger<RedisRoomRelay> logger)
    {
        _fanout = fanout;
        _protocols = protocols.AllProtocols;
        _logger = logger;
        _channel = RedisChannel.Literal(options.Value.ChannelPrefix + ":rooms");
        var config = ConfigurationOptions.Parse(options.Value.Redis!);
        config.AbortOnConnectFail = false;
        _redis = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(config));
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: a node starts (and serves its own viewers) while Redis is away.
        _subscribing = SubscribeAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var queue = await (await _redis.Value.ConfigureAwait(false)).GetSubscriber().SubscribeAsync(_channel).ConfigureAwait(false);
                queue.OnMessage(m => Receive(m.Message));
                return; // StackExchange.Redis subscribes again by itself after a reconnect
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogSubscribeFailed(_logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _subscribing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping while Redis was away
        }
    }

    /// <inheritdoc />
    public async Task PublishAsync(string group, SerializedHubMessage message, bool catchesUp, IReadOnlyList<string>? except)
    {
        var frame = new ArrayBufferWriter<byte>(256);
        _node.TryWriteBytes(frame.GetSpan(16));
        frame.Advance(16);
        WriteString(frame, group);
        WriteLength(frame, catchesUp ? 1 : 0);
        WriteLength(frame, except?.Count ?? 0);
        foreach (var id in except ?? []) WriteString(frame, id);
        WriteLength(frame, _protocols.Count);
        foreach (var protocol in _protocols)
        {
            WriteString(frame, protocol.Name);
            var bytes = message.GetSerializedMessage(protocol);
            WriteLength(frame, bytes.Length);
            frame.Write(bytes.Span);
        }
        var redis = await _redis.Value.ConfigureAwait(false);
        // Fire and forget keeps the order of this connection's commands and never waits on Redis: a lost message is a gap.
        await redis.GetSubscriber().PublishAsync(_channel, frame.WrittenMemory, CommandFlags.FireAndForget).ConfigureAwait(false);
    }

    private void Receive(RedisValue value)
    {
        try
        {
            ReadOnlySpan<byte> frame = (byte[])value!;
            if (new Guid(frame[..16]) == _node) return;
            frame = frame[16..];
            var group = ReadString(ref frame);
            var catchesUp = ReadLength(ref frame) == 1;
            var except = new List<string>();
            for (var n = ReadLength(ref frame); n > 0; n--) except.Add(ReadString(ref frame));
            var messages = new List<SerializedMessage>();
            for (var n = ReadLength(ref frame); n > 0; n--)
            {
                var name = ReadString(ref frame);
                var length = ReadLength(ref frame);
                messages.Add(new SerializedMessage(name, frame[..length].ToArray()));
                frame = frame[length..];
            }
            _fanout.Send(group, new SerializedHubMessage(messages), catchesUp, except.Count > 0 ? except : null);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            LogBadFrame(_logger, ex);
        }
    }

    private static void WriteLength(ArrayBufferWriter<byte> frame, int length)
    {
        BinaryPrimitives.WriteInt32LittleEndian(frame.GetSpan(4), length);
        frame.Advance(4);
    }

    private static void WriteString(ArrayBufferWriter<byte> frame, string text)
    {
        WriteLength(frame, Encoding.UTF8.GetByteCount(text));
        frame.Advance(Encoding.UTF8.GetBytes(text, frame.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
    }

    private static int ReadLength(ref ReadOnlySpan<byte> frame)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(frame);
        frame = frame[4..];
        return length;
    }

    private static string ReadString(ref ReadOnlySpan<byte> frame)
    {
        var length = ReadLength(ref frame);
        var text = Encoding.UTF8.GetString(frame[..length]);
        frame = frame[length..];
        return text;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis.IsValueCreated) await (await _redis.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the room channel failed, trying again: {Reason}")]
    private static partial void LogSubscribeFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A room message from another node could not be read")]
    private static partial void LogBadFrame(ILogger logger, Exception ex);
}
