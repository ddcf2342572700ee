using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpStatsTests(FollowUpFactory hub)
{
    [Fact]
    public async Task FollowUp_StaffDashboard_DrawsSvgCharts_AndExportsCsvAndXlsx()
    {
        var staff = hub.Browser();
        await staff.SignInAsync(Demo.Staff);
        var page = await staff.GetPageAsync("/Admin/FollowUp/Stats");
        Assert.True(page.QuerySelectorAll("svg.chart").Length >= 5);
        Assert.All(page.QuerySelectorAll("svg.chart"), svg => Assert.NotNull(svg.QuerySelector("title")));
        Assert.EndsWith("%", page.QuerySelector("[data-stat=ontime]")!.TextContent.Trim());
        Assert.Contains("市住房和城乡建设局", page.QuerySelector("table")!.TextContent);

        var csv = await staff.GetAsync("/Admin/FollowUp/Stats?handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("标题,来源,协商活动,主办单位,状态", text);
        Assert.Contains("优化建筑企业资质审批服务", text);

        var xlsx = await staff.GetAsync("/Admin/FollowUp/Stats?handler=Export&format=xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["建议事项", "承办单位", "协商活动", "月份", "逾期事项", "字段说明"], sheets);
    }

    [Fact]
    public async Task FollowUp_StaffDashboard_IsForbiddenToDepartments()
    {
        var dept = hub.Browser();
        await dept.SignInAsync(Demo.Department);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.GetAsync("/Admin/FollowUp/Stats?handler=Export&format=csv")).StatusCode);
    }
}
