using System.Globalization;

namespace Deliberation.Bench.Hls;

/// <summary>A live media playlist: target duration, the first segment's sequence number and the segments.</summary>
public sealed record Playlist(double TargetDuration, long MediaSequence, IReadOnlyList<(double Duration, string Uri)> Segments)
{
    public static Playlist Parse(string text)
    {
        double target = 0;
        long seq = 0;
        double pending = 0;
        var segments = new List<(double, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))
                target = double.Parse(line["#EXT-X-TARGETDURATION:".Length..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))
                seq = long.Parse(line["#EXT-X-MEDIA-SEQUENCE:".Length..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                pending = double.Parse(line["#EXTINF:".Length..].Split(',')[0], CultureInfo.InvariantCulture);
            else if (!line.StartsWith('#'))
                segments.Add((pending, line));
        }
        return new Playlist(target, seq, segments);
    }
}
