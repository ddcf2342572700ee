using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Deliberation.Web.Infrastructure.Exports;

/// <summary>
/// XLSX workbooks written with the OpenXml SAX writer (rows stream out; memory stays flat for large sessions).
/// Each table becomes a sheet; a last sheet "字段说明" (field dictionary) lists every column's meaning.
/// </summary>
public static class XlsxExport
{
    public static void Write(IReadOnlyList<DataTable> tables, Stream output, string dictionaryTitle)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = doc.AddWorkbookPart();
        AddStyles(workbookPart);
        var sheets = new List<(string Id, string Name)>();
        var used = new HashSet<string>();
        foreach (var table in tables)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, table.Columns.Select(c => c.Name).ToList(), table.Rows);
            sheets.Add((workbookPart.GetIdOfPart(part), SheetName(table.Title, used)));
        }
        var dictionary = workbookPart.AddNewPart<WorksheetPart>();
        WriteSheet(dictionary, ["表 / Sheet", "字段 / Field", "说明 / Meaning"],
            tables.SelectMany(t => t.Columns.Select(c => (IReadOnlyList<object?>)[t.Title, c.Name, c.Description])));
        sheets.Add((workbookPart.GetIdOfPart(dictionary), SheetName(dictionaryTitle, used)));

        workbookPart.Workbook = new Workbook(new Sheets(sheets.Select((s, i) =>
            new Sheet { Id = s.Id, SheetId = (uint)(i + 1), Name = s.Name })));
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, header.Cast<object?>().ToList(), headerStyle: true);
        foreach (var row in rows) WriteRow(writer, row, headerStyle: false);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> values, bool headerStyle)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = value switch
            {
                int or long or double or decimal or float => new Cell { DataType = CellValues.Number, CellValue = new CellValue(CsvExport.Format(value)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(CsvExport.Format(value)))) },
            };
            if (headerStyle) cell.StyleIndex = 1;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    /// <summary>XML 1.0 forbids most control characters; a pasted comment may carry them.</summary>
    private static string Clean(string s) => s.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')
        ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
        : s;

    private static string SheetName(string title, HashSet<string> used)
    {
        var name = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        name = name.Length > 28 ? name[..28] : name;
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{name}{i}";
        return candidate;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }
}
