using Deliberation.Core.Streaming;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Streaming;

/// <summary>
/// Serves <c>/media/{exp}/{sig}/live/{publishName}/{file}</c> (HLS playlists, no-cache, and segments) from
/// <c>Streaming:HlsPath</c> and <c>/media/{exp}/{sig}/rec/{file}.mp4</c> (with range requests) from
/// <c>Streaming:RecordPath</c>, after <see cref="MediaUrlSigner.Verify"/>: an expired, tampered or malformed URL, or one
/// naming anything outside its folder, is 403 (the player refetches the stream info); no directory is ever listed.
/// </summary>
public sealed class MediaFiles(RequestDelegate next, MediaUrlSigner signer, IOptionsMonitor<StreamingOptions> options, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".m3u8"] = "application/vnd.apple.mpegurl", [".ts"] = "video/mp2t", [".m4s"] = "video/iso.segment", [".mp4"] = "video/mp4",
    };

    public async Task InvokeAsync(HttpContext http)
    {
        _ = next;
        // The media answers are bare status codes, not the HTML error pages.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var file = signer.Verify(http.Request.Path.Value ?? "", clock.GetUtcNow());
        if (file is null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var o = options.CurrentValue;
        var ext = Path.GetExtension(file.File);
        var allowed = file.Kind == "live" ? ext is ".m3u8" or ".ts" or ".m4s" : ext == ".mp4";
        var root = file.Kind == "live" ? o.HlsPath : o.RecordPath;
        if (!allowed || string.IsNullOrEmpty(root))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var full = Path.GetFullPath(file.Folder is null ? Path.Combine(root, file.File) : Path.Combine(root, file.Folder, file.File));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!File.Exists(full))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.Headers.CacheControl = "no-store";
            return;
        }
        http.Response.Headers.CacheControl = ext == ".m3u8" ? "no-cache" : file.Kind == "live" ? "public, max-age=60" : "private, max-age=3600";
        http.Response.Headers["Access-Control-Allow-Origin"] = "*";
        await Results.File(full, Types[ext], enableRangeProcessing: ext == ".mp4").ExecuteAsync(http);
    }
}
