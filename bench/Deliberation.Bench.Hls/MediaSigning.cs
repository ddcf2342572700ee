using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Bench.Hls;

/// <summary>
/// Signed media URLs as the hub and nginx's secure_link check them (Core/Streaming/MediaUrlSigner):
/// <c>/media/{exp}/{base64url(md5("{exp}/live/{name}/ {secret}"))}/live/{name}/index.m3u8</c>.
/// </summary>
public static class MediaSigning
{
    /// <summary>The secret for this run, given to nginx and the hub (BENCH_HUB_Streaming__SigningSecret overrides it).</summary>
    public static string Secret { get; } = Environment.GetEnvironmentVariable("BENCH_HUB_Streaming__SigningSecret") ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string LivePlaylist(string name)
    {
        var exp = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        var scope = $"/live/{name}/";
        var sig = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes($"{exp}{scope} {Secret}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"/media/{exp}/{sig}{scope}index.m3u8";
    }
}
