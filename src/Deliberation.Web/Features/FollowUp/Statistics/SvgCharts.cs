using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Deliberation.Web.Features.FollowUp.Statistics;

/// <summary>
/// Server-rendered horizontal bar charts as inline SVG: readable on a phone (labels on their own line above each
/// bar), printable, no script. Each chart carries a title and a text equivalent for screen readers.
/// </summary>
public static class SvgCharts
{
    private const int Width = 480;
    private const int Row = 56;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Series(string Name, string Color);

    /// <summary>One bar per row; <paramref name="format"/> renders the value shown at the bar's end.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, double Value)> rows, Func<double, string> format, string color = "#a4262c")
    {
        var max = rows.Count == 0 ? 1 : Math.Max(rows.Max(r => r.Value), 1e-9);
        return Stacked(title, rows.Select(r => (r.Label, new[] { r.Value }, format(r.Value))).ToList(), [new Series(title, color)], max, legend: false);
    }

    /// <summary>Stacked bars (e.g. 满意 / 基本满意 / 不满意 per department) with a legend.</summary>
    public static IHtmlContent Stacked(string title, IReadOnlyList<(string Label, double[] Values, string Total)> rows, IReadOnlyList<Series> series,
        double? max = null, bool legend = true)
    {
        var top = legend ? 34 : 6;
        var height = top + Math.Max(rows.Count, 1) * Row + 6;
        var scale = (Width - 80) / Math.Max(max ?? rows.Select(r => r.Values.Sum()).DefaultIfEmpty(1).Max(), 1e-9);
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title>{E(title)}</title>");
        if (legend)
        {
            var x = 0;
            foreach (var s in series)
            {
                svg.Append(Inv, $"<rect x=\"{x}\" y=\"6\" width=\"16\" height=\"16\" rx=\"3\" fill=\"{s.Color}\"/><text x=\"{x + 22}\" y=\"20\" class=\"chart-legend\">{E(s.Name)}</text>");
                x += 34 + s.Name.Length * 18;
            }
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, values, total) = rows[i];
            var y = top + i * Row;
            svg.Append(Inv, $"<text x=\"0\" y=\"{y + 18}\" class=\"chart-label\">{E(label)}</text>");
            double x = 0;
            for (var k = 0; k < values.Length; k++)
            {
                var w = values[k] * scale;
                if (w > 0) svg.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{y + 25}\" width=\"{Math.Max(w, 2):0.#}\" height=\"20\" rx=\"3\" fill=\"{series[k % series.Count].Color}\"/>");
                x += w;
            }
            svg.Append(Inv, $"<text x=\"{x + 6:0.#}\" y=\"{y + 41}\" class=\"chart-value\">{E(total)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", Inv) + "%" : "—";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
