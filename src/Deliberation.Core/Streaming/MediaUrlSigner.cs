using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Core.Streaming;

/// <summary>
/// Signed, expiring media URLs: <c>/media/{exp}/{sig}/live/{publishName}/index.m3u8</c> (the signature covers the
/// folder <c>/live/{publishName}/</c>, so the playlist's relative segment URLs carry it too) and
/// <c>/media/{exp}/{sig}/rec/{file}</c>. <c>sig = base64url(md5("{exp}{scope} {secret}"))</c> without padding — the
/// scheme nginx's <c>secure_link</c> checks with <c>secure_link $sig,$exp; secure_link_md5 "$exp$scope secret";</c>, so
/// the hub's own middleware and nginx (or a CDN doing the same) accept the same URLs.
/// </summary>
public sealed class MediaUrlSigner(string secret)
{
    /// <summary>The URL path prefix.</summary>
    public const string Prefix = "/media";

    /// <summary>The signed scope of a live stream's HLS folder.</summary>
    public static string LiveScope(string publishName) => $"/live/{publishName}/";

    /// <summary>The signed scope of a recording file.</summary>
    public static string RecordingScope(string file) => $"/rec/{file}";

    /// <summary>The signature of <paramref name="scope"/> until <paramref name="expires"/> (unix seconds).</summary>
    public string Sign(long expires, string scope)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{expires}{scope} {secret}"));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The signed URL path of the live playlist.</summary>
    public string LivePlaylist(string publishName, DateTimeOffset expires)
    {
        var exp = expires.ToUnixTimeSeconds();
        return $"{Prefix}/{exp}/{Sign(exp, LiveScope(publishName))}/live/{publishName}/index.m3u8";
    }

    /// <summary>The signed URL path of a recording.</summary>
    public string Recording(string file, DateTimeOffset expires)
    {
        var exp = expires.ToUnixTimeSeconds();
        return $"{Prefix}/{exp}/{Sign(exp, RecordingScope(file))}/rec/{Uri.EscapeDataString(file)}";
    }

    /// <summary>What a request path under <see cref="Prefix"/> asks for, once its signature and expiry checked out.</summary>
    /// <param name="Kind"><c>live</c> or <c>rec</c>.</param>
    /// <param name="Folder">The live stream's publish name (live only).</param>
    /// <param name="File">The file inside the folder (live) or the recording's file name (rec).</param>
    public sealed record MediaFile(string Kind, string? Folder, string File);

    /// <summary>
    /// Checks a path (after <see cref="Prefix"/>: <c>/{exp}/{sig}/live/{name}/{file}</c> or <c>/{exp}/{sig}/rec/{file}</c>):
    /// null when it is malformed, expired, tampered or names anything outside its folder.
    /// </summary>
    public MediaFile? Verify(string path, DateTimeOffset now)
    {
        var parts = path.TrimStart('/').Split('/');
        if (parts.Length < 4 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var exp)) return null;
        if (exp < now.ToUnixTimeSeconds()) return null;
        string scope;
        MediaFile file;
        if (parts[2] == "live" && parts.Length == 5 && IsSafeName(parts[3]) && IsSafeName(parts[4]))
        {
            scope = LiveScope(parts[3]);
            file = new MediaFile("live", parts[3], parts[4]);
        }
        else if (parts[2] == "rec" && parts.Length == 4 && IsSafeName(parts[3]))
        {
            scope = RecordingScope(parts[3]);
            file = new MediaFile("rec", null, parts[3]);
        }
        else return null;
        var expected = Encoding.ASCII.GetBytes(Sign(exp, scope));
        var given = Encoding.ASCII.GetBytes(parts[1]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? file : null;
    }

    /// <summary>A plain file name: letters, digits, dot, dash, underscore; no dot-only names.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 200 && name.Trim('.').Length > 0 && !name.StartsWith('.')
        && name.All(ch => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_');
}
