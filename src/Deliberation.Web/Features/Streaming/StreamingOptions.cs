namespace Deliberation.Web.Features.Streaming;

/// <summary>The <c>Streaming</c> section: where the local streaming server writes, how media URLs are signed and served.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>The folder nginx-rtmp writes HLS into (<c>hls_path</c>, with <c>hls_nested on</c>): <c>{HlsPath}/{publishName}/index.m3u8</c>.</summary>
    public string HlsPath { get; set; } = "";

    /// <summary>The folder of the recordings (<c>record_path</c>), holding the remuxed <c>{publishName}-{unixtime}.mp4</c>.</summary>
    public string RecordPath { get; set; } = "";

    /// <summary>Where <c>/media/…</c> URLs point: empty = the hub serves them itself; else an origin (nginx secure_link, a CDN) that checks the same signatures.</summary>
    public string MediaBaseUrl { get; set; } = "";

    /// <summary>
    /// Other origins the players may load video from (an external source's or backup's CDN, SRS, a cloud live service):
    /// the pages' Content-Security-Policy admits exactly these and <see cref="MediaBaseUrl"/>'s origin, and the 直播
    /// settings refuse an external URL on any other origin, which the browser would block.
    /// </summary>
    public string[] MediaOrigins { get; set; } = [];

    /// <summary>The origins besides the hub's own that the players load from: <see cref="MediaBaseUrl"/>'s and <see cref="MediaOrigins"/>.</summary>
    public IReadOnlyList<string> PlayerOrigins()
    {
        var origins = new List<string>();
        foreach (var url in MediaOrigins.Prepend(MediaBaseUrl))
        {
            if (OriginOf(url) is string o && !origins.Contains(o)) origins.Add(o);
        }
        return origins;
    }

    /// <summary>The origin (<c>scheme://host[:port]</c>) of an absolute http(s) URL, else null.</summary>
    public static string? OriginOf(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Host.Length > 0
            ? u.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    /// <summary>The token nginx-rtmp's callbacks carry (<c>?token=</c>); empty refuses every callback.</summary>
    public string CallbackToken { get; set; } = "";

    /// <summary>The secret of the signed media URLs (shared with nginx's <c>secure_link_md5</c>); empty = a random one per process (one node only).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>How long a signed media URL works.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long after the session's planned end its stream key still publishes.</summary>
    public TimeSpan KeyGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The RTMP server URL staff paste into OBS (e.g. <c>rtmp://hub.example.org/live</c>); empty = derived from the request host.</summary>
    public string RtmpPublicUrl { get; set; } = "";
}
