using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Deliberation.Core.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using Deliberation.Web.Tests.Tenancy;

namespace Deliberation.Web.Tests.Minutes;

[Collection(HubCollection.Name)]
public class MinutesExportTests(HubFactory hub)
{
    private async Task<(MinutesFixture F, Guid MinutesId, HttpClient Staff)> SetUpAsync(int seed)
    {
        var f = await hub.CreateFixtureAsync(seed);
        var id = await hub.CreateCompiledMinutesAsync(f);
        var staff = hub.Browser();
        await staff.SignInAsync(await hub.StaffOfAsync(f.OrganizationId));
        return (f, id, staff);
    }

    [Fact]
    public async Task Docx_PassesTheOpenXmlValidator_HasTheTitle_AndInjectedMarkupIsPlainText()
    {
        var (_, id, staff) = await SetUpAsync(0x6e1);
        var response = await staff.GetAsync($"/api/minutes/{id}/full.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("关于“老旧小区加装电梯”的协商纪要", text);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.DoesNotContain("/admin/minutes/source", doc.MainDocumentPart.Document.OuterXml);
        Assert.Empty(doc.MainDocumentPart.HyperlinkRelationships);
        Assert.Empty(doc.MainDocumentPart.ImageParts);
        Assert.NotEmpty(doc.MainDocumentPart.FooterParts);
    }

    [Fact]
    public async Task Pdf_HasTheChineseTitleAsText_AndNoActiveContent()
    {
        var (_, id, staff) = await SetUpAsync(0x6e2);
        // Other tests' publishes render their public PDFs in the background; a reviewer's print waits only so long for them.
        await hub.SettlePublicRendersAsync();
        var response = await staff.GetAsync($"/api/minutes/{id}/full.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        // The CJK font's ToUnicode maps some glyphs to Kangxi radicals (⽼ for 老); NFKC folds them back.
        text = text.Normalize(System.Text.NormalizationForm.FormKC);
        Assert.Contains("关于“老旧小区加装电梯”的协商纪要", text);
        Assert.Contains("— 1 —", text);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.DoesNotContain("/JavaScript", System.Text.Encoding.Latin1.GetString(bytes));
        Assert.Empty(pdf.GetPages().SelectMany(p => p.GetImages()));
    }

    [Fact]
    public async Task Html_Download_IsInert()
    {
        var (_, id, staff) = await SetUpAsync(0x6e3);
        var html = await staff.GetStringAsync($"/api/minutes/{id}/full.html");
        Assert.Contains("Content-Security-Policy", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("href=\"javascript", html);
    }

    [Fact]
    public async Task Xlsx_RowCountsMatchTheRecord_AndCsvStreamsOneTable()
    {
        var (f, _, staff) = await SetUpAsync(0x6e4);
        var response = await staff.GetAsync($"/api/minutes/session/{f.SessionId}/data.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var rows = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!,
            s => ((WorksheetPart)doc.WorkbookPart.GetPartById(s.Id!)).Worksheet.Descendants<Row>().Count() - 1);
        Assert.Equal(11, rows["出席人员"]);
        Assert.Equal(4, rows["发言"]);       // done speeches only
        Assert.Equal(6, rows["留言"]);       // approved only
        Assert.Equal(2, rows["提问"]);       // open and answered; merged, hidden and pending left out
        Assert.Equal(3 + 5, rows["投票结果"]); // three options, five rating values
        Assert.Equal(1, rows["表决结果"]);
        Assert.Equal(6, rows["问卷答复"]);   // three responses, two items each
        Assert.True(rows["字段说明"] > 40);

        var csv = await staff.GetStringAsync($"/api/minutes/session/{f.SessionId}/data/comments.csv");
        Assert.Equal(7, csv.Trim().Split('\n').Length);
        Assert.DoesNotContain("REJECTED", csv);
    }

    [Fact]
    public async Task Downloads_RespectPermissions()
    {
        var (f, id, staff) = await SetUpAsync(0x6e5);
        var anonymous = hub.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/minutes/{id}/public.md")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/minutes/{id}/full.md")).StatusCode);
        var member = hub.Browser();
        await member.SignInAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/minutes/{id}/full.md")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/minutes/session/{f.SessionId}/data.xlsx")).StatusCode);
        var leader = hub.Browser();
        await leader.SignInAsync(await hub.LeaderOfAsync(f.OrganizationId));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/minutes/{id}/full.md")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/minutes/{id}/full.md")).StatusCode);
    }
}
