using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// The JSON hub protocol, with a typed answer when a call cannot be bound to its method (unknown method, wrong
/// argument count or types, a string that is not valid UTF-16 such as a lone surrogate <c>\ud800</c>). SignalR answers
/// those before any hub filter runs, with an untyped "error on the server"; this gives the client
/// <c>room.bad_request</c> or <c>room.invalid_text</c> instead (the dispatcher passes a <see cref="HubException"/>'s
/// message on), and logs one line at Information.
/// </summary>
public sealed partial class TypedBindingFailures(IHubProtocol inner, ILogger<TypedBindingFailures> logger) : IHubProtocol
{
    /// <inheritdoc />
    public string Name => inner.Name;
    /// <inheritdoc />
    public int Version => inner.Version;
    /// <inheritdoc />
    public TransferFormat TransferFormat => inner.TransferFormat;

    /// <inheritdoc />
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
    {
        var start = input;
        if (!inner.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage or StreamBindingFailureMessage)
        {
            var code = HasMalformedText(start.Slice(start.Start, input.Start)) ? RoomErrors.InvalidText : RoomErrors.BadRequest;
            var failure = ExceptionDispatchInfo.Capture(new HubException(code));
            message = message switch
            {
                InvocationBindingFailureMessage f => LogAndKeep(new InvocationBindingFailureMessage(f.InvocationId, f.Target, failure), f.Target, code, f.BindingFailure.SourceException),
                StreamBindingFailureMessage s => LogAndKeep(new StreamBindingFailureMessage(s.Id, failure), "stream", code, s.BindingFailure.SourceException),
                _ => message,
            };
        }
        return true;
    }

    private HubMessage LogAndKeep(HubMessage message, string target, string code, Exception cause)
    {
        LogUnbound(logger, target, code, cause.GetType().Name, cause.Message);
        return message;
    }

    /// <summary>Whether the raw frame holds invalid UTF-8 or an escaped surrogate without its partner.</summary>
    internal static bool HasMalformedText(ReadOnlySequence<byte> frame)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(frame.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return true;
        }
        var pendingHigh = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                if (pendingHigh) return true;
                continue;
            }
            if (text[i + 1] == 'u' && i + 5 < text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var unit))
            {
                var c = (char)unit;
                if (pendingHigh != char.IsLowSurrogate(c)) return true;
                pendingHigh = !pendingHigh && char.IsHighSurrogate(c);
                i += 5;
                continue;
            }
            if (pendingHigh) return true;
            i++; // an escaped character such as \\ or \"
        }
        return pendingHigh;
    }

    /// <inheritdoc />
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    /// <inheritdoc />
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    /// <inheritdoc />
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Target} refused before binding: {Code} ({Reason}: {Detail})")]
    private static partial void LogUnbound(ILogger logger, string target, string code, string reason, string detail);
}
