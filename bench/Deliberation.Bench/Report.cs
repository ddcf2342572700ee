using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Deliberation.Bench;

/// <summary>Writes a run's rows as JSON, a Markdown table and an SVG bar chart under bench/results/.</summary>
public static class Report
{
    public static async Task WriteAsync(BenchOptions o, IReadOnlyList<Row> rows, string command, string setup)
    {
        Directory.CreateDirectory(o.Out);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"{o.Scenario}-{o.Viewers}x{o.Rate}-{stamp}";
        var json = JsonSerializer.Serialize(new { command, setup, at = DateTime.UtcNow, machine = Environment.ProcessorCount + " cores", load = LoadAverage(), rows },
            new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(o.Out, name + ".json"), json);
        var md = Markdown(rows, command, setup);
        await File.WriteAllTextAsync(Path.Combine(o.Out, name + ".md"), md);
        await File.WriteAllTextAsync(Path.Combine(o.Out, name + ".svg"), Svg(rows));
        Console.WriteLine(md);
        Console.WriteLine($"written: {Path.Combine(o.Out, name)}.{{json,md,svg}}");
    }

    public static string Markdown(IReadOnlyList<Row> rows, string command, string setup = "")
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"`{command}`").AppendLine();
        if (setup.Length > 0) sb.AppendLine(setup).AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Load average before the write-up: {LoadAverage()}.").AppendLine();
        sb.AppendLine("| scenario | server | viewers | comments/s | s | commits/s | ack p50 ms | ack p99 ms | deliveries/s | delivered / expected | undelivered | lost | dup | p50 ms | p99 ms | max ms | server CPU (cores) | server peak RSS MB | generator CPU (cores) | failures | note |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Server} | {r.Viewers} | {r.Rate} | {r.Seconds} | {r.CommitsPerSecond:N0} | {r.AckP50Ms:F1} | {r.AckP99Ms:F1} | {r.DeliveriesPerSecond:N0} | {r.Delivered:N0} / {r.Expected:N0} | {r.Undelivered:N0} | {r.Lost:N0} | {r.Duplicates:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.ServerCpuCores:F2} | {r.ServerPeakRssMb} | {r.ClientCpuCores:F2} | {r.Failures} | {r.Note} |");
        }
        return sb.ToString();
    }

    /// <summary>The 1/5/15-minute load averages, so a figure measured on a busy box says so.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Two bar groups: deliveries/s and p99 latency per server and scenario.</summary>
    public static string Svg(IReadOnlyList<Row> rows)
    {
        const int width = 760, barH = 22, gap = 8, left = 300;
        var height = 60 + rows.Count * 2 * (barH + gap) + 40;
        var maxRate = Math.Max(1, rows.Max(r => r.DeliveriesPerSecond));
        var maxP99 = Math.Max(1, rows.Max(r => r.P99Ms));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        sb.AppendLine("<text x=\"10\" y=\"20\" font-size=\"14\">deliveries/s (blue) and p99 latency ms (orange)</text>");
        var y = 40;
        foreach (var r in rows)
        {
            var label = System.Security.SecurityElement.Escape($"{r.Scenario} · {r.Server} · {r.Viewers}×{r.Rate}");
            var w1 = (width - left - 90) * r.DeliveriesPerSecond / maxRate;
            var w2 = (width - left - 90) * r.P99Ms / maxP99;
            sb.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 15}\">{label}</text>");
            sb.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{w1:F0}\" height=\"{barH}\" fill=\"#3b6fd8\"/><text x=\"{left + w1 + 4:F0}\" y=\"{y + 15}\">{r.DeliveriesPerSecond:N0}/s</text>");
            y += barH + gap;
            sb.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{w2:F0}\" height=\"{barH}\" fill=\"#e08a2c\"/><text x=\"{left + w2 + 4:F0}\" y=\"{y + 15}\">{r.P99Ms:F0} ms</text>");
            y += barH + gap + 6;
        }
        sb.AppendLine("</svg>");
        return sb.ToString();
    }
}
