using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Deliberation.Web.Infrastructure.Exports;

namespace Deliberation.Web.Tests;

public class ExportTests
{
    private static DataTable Sample(int rows) => new("留言", [new("内容", "留言原文"), new("点赞", "点赞数")],
        Enumerable.Range(0, rows).Select(i => (IReadOnlyList<object?>)[$"第{i}条, \"引号\"", i]));

    [Fact]
    public async Task Csv_QuotesCommasAndQuotes_AndStartsWithABom()
    {
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(Sample(1), stream);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("内容,点赞\r\n\"第0条, \"\"引号\"\"\",0\r\n".Replace("\r\n", Environment.NewLine), text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-5", "-5")]
    [InlineData("@cmd", "'@cmd")]
    public void Csv_DefusesFormulas(string value, string expected) => Assert.Equal(expected, CsvExport.Quote(value));

    [Fact]
    public void Xlsx_IsValid_AndHasEveryRowPlusTheFieldDictionary()
    {
        using var stream = new MemoryStream();
        XlsxExport.Write([Sample(250)], stream, "字段说明");
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["留言", "字段说明"], sheets.Select(s => s.Name!.Value));
        var data = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.Equal(251, data.Worksheet.Descendants<Row>().Count());
        var dict = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[1].Id!);
        Assert.Equal(3, dict.Worksheet.Descendants<Row>().Count());
    }
}
