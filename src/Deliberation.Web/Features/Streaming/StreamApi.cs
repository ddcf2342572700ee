using System.Security.Cryptography;
using System.Text;
using Deliberation.Core.Auditing;
using Deliberation.Core.Streaming;
using Deliberation.Realtime.Rooms;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Streaming;

/// <summary>The stream info for viewers, the moderators' big-screen danmaku switch and nginx-rtmp's callbacks.</summary>
public static partial class StreamApi
{
    public static void MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/{id:guid}/stream", Get).WithName("SessionStream").WithTags("Streaming").AllowAnonymous()
            .WithSummary("The session's 直播 for the caller: state, whether and why not they may watch, signed sources, the replay's recordings.");
        app.MapPost("/api/sessions/{id:guid}/stream/screen-danmaku", ScreenDanmaku).WithName("SessionStreamScreenDanmaku").WithTags("Streaming")
            .AllowAnonymous().WithSummary("Moderators turn danmaku on the big screen on or off: { \"on\": true }.");
        var rtmp = app.MapGroup("/api/stream/rtmp").WithTags("Streaming").AllowAnonymous().DisableAntiforgery();
        rtmp.MapPost("/publish", Publish).WithName("RtmpPublish").WithSummary("nginx-rtmp on_publish: 2xx allows, 403 refuses.");
        rtmp.MapPost("/publish-done", PublishDone).WithName("RtmpPublishDone").WithSummary("nginx-rtmp on_publish_done.");
        rtmp.MapPost("/record-done", RecordDone).WithName("RtmpRecordDone").WithSummary("nginx-rtmp on_record_done.");
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IRoomCallerResolver callers, StreamInfoReader reader, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var admitted = await reader.AdmitAsync(id, callers.Resolve(http), ct);
        if (admitted is null) return TypedResults.NotFound();
        return TypedResults.Ok(await reader.ReadAsync(admitted, ct));
    }

    /// <summary>The body of the screen-danmaku switch.</summary>
    public sealed record ScreenDanmakuRequest(bool On);

    private static async Task<IResult> ScreenDanmaku(Guid id, ScreenDanmakuRequest request, HttpContext http, IRoomCallerResolver callers,
        StreamInfoReader reader, StreamCommands commands, CancellationToken ct)
    {
        var caller = callers.Resolve(http);
        var admitted = await reader.AdmitAsync(id, caller, ct);
        if (admitted is null) return TypedResults.NotFound();
        if (!admitted.Viewer.CanModerate) return TypedResults.StatusCode(caller.IsSignedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
        if (admitted.Room.Status is Core.Consultations.ConsultationStatus.Archived) return TypedResults.NotFound();
        await commands.SetScreenDanmakuAsync(id, request.On, new Actor(caller.UserId, caller.DisplayName ?? "?"), ct);
        return TypedResults.Ok(new { danmakuOnScreen = request.On });
    }

    private static async Task<IResult> Publish(HttpContext http, StreamCommands commands, IOptions<StreamingOptions> options, ILoggerFactory logs, CancellationToken ct)
    {
        if (!TokenOk(http, options.Value)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var form = await http.Request.ReadFormAsync(ct);
        var decision = await commands.OnPublishAsync(form["name"].ToString(), form["k"].ToString() is { Length: > 0 } k ? k : null,
            name => StillPublishing(options.Value, name), ct);
        var log = logs.CreateLogger(typeof(StreamApi));
        if (decision.Allowed)
        {
            LogPublish(log, form["name"].ToString(), decision.SessionId, form["addr"].ToString());
            return TypedResults.Ok();
        }
        LogRefused(log, form["name"].ToString(), decision.Refusal, form["addr"].ToString());
        return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> PublishDone(HttpContext http, StreamCommands commands, IOptions<StreamingOptions> options, CancellationToken ct)
    {
        if (!TokenOk(http, options.Value)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var form = await http.Request.ReadFormAsync(ct);
        return await commands.OnPublishDoneAsync(form["name"].ToString(), ct) ? TypedResults.Ok() : TypedResults.NotFound();
    }

    private static async Task<IResult> RecordDone(HttpContext http, StreamCommands commands, IOptions<StreamingOptions> options, CancellationToken ct)
    {
        if (!TokenOk(http, options.Value)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var form = await http.Request.ReadFormAsync(ct);
        return await commands.OnRecordDoneAsync(form["name"].ToString(), form["path"].ToString(), ct) ? TypedResults.Ok() : TypedResults.NotFound();
    }

    /// <summary>Whether the streaming server still writes this stream's playlist (unknown without a local HLS folder: yes).</summary>
    private static bool StillPublishing(StreamingOptions options, string publishName)
    {
        if (string.IsNullOrEmpty(options.HlsPath)) return true;
        var playlist = new FileInfo(Path.Combine(options.HlsPath, publishName, "index.m3u8"));
        return playlist.Exists && playlist.LastWriteTimeUtc > DateTime.UtcNow.AddSeconds(-15);
    }

    private static bool TokenOk(HttpContext http, StreamingOptions options)
    {
        var given = http.Request.Query["token"].ToString();
        return options.CallbackToken.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.CallbackToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {Name} publishing for session {Session} from {Address}")]
    private static partial void LogPublish(ILogger logger, string name, Guid? session, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream publish refused for {Name}: {Reason} (from {Address})")]
    private static partial void LogRefused(ILogger logger, string name, string? reason, string address);
}
