using System.Globalization;
using System.Text;

namespace Deliberation.Web.Infrastructure.Exports;

/// <summary>RFC 4180 CSV in UTF-8 with a BOM, so Excel on a Chinese Windows opens it without mojibake.</summary>
public static class CsvExport
{
    public static async Task WriteAsync(DataTable table, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(',', row.Select(v => Quote(Format(v)))));
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Quotes when needed and defuses spreadsheet formulas (a cell starting with = + - @ is shown as text).</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
