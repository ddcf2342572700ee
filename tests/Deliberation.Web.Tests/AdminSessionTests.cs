using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests;

[Collection(HubCollection.Name)]
public class AdminSessionTests(HubFactory hub)
{
    private static Dictionary<string, string> Form(string title, string start = "2026-12-20T09:00", string end = "2026-12-20T11:00") => new()
    {
        ["Input.Title"] = title,
        ["Input.Type"] = nameof(ConsultationType.OnlineHall),
        ["Input.Mode"] = nameof(ConsultationMode.Online),
        ["Input.StartsAt"] = start,
        ["Input.EndsAt"] = end,
        ["Input.Venue"] = "线上协商议事厅",
        ["Input.HostName"] = "主持人甲",
        ["Input.PublicAccess"] = nameof(PublicAccess.Interact),
        ["Input.Summary"] = "背景",
    };

    [Fact]
    public async Task AdminPages_RedirectAnonymousVisitorsToSignIn()
    {
        var response = await hub.Browser().GetAsync("/Admin/Sessions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AdminPages_AreForbiddenToMembers()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Member);
        var response = await client.GetAsync("/Admin/Sessions/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("没有权限", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_CreatesASession_WithARoomCodeAndAnAuditEntry()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        var title = $"社区养老服务 {Guid.NewGuid():N}"[..16];
        var response = await client.PostFormAsync("/Admin/Sessions/Edit", Form(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var created = await hub.WithDbAsync(db => db.Consultations.SingleAsync(c => c.Title == title));
        Assert.Equal(ConsultationStatus.Draft, created.Status);
        Assert.True(RoomCodes.IsWellFormed(created.RoomCode));
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero), created.StartsAt); // 09:00 Beijing time
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == created.Id.ToString()));
        Assert.Equal("consultation.create", audit.Action);
        Assert.Contains("陈晓", audit.ActorName);
    }

    [Fact]
    public async Task InvalidInput_IsRejectedWithFieldMessages_AndNothingIsSaved()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        var before = await hub.WithDbAsync(db => db.Consultations.CountAsync());

        var response = await client.PostFormAsync("/Admin/Sessions/Edit", Form("", "2026-12-20T11:00", "2026-12-20T09:00"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("此项为必填项", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);

        var badDates = await client.PostFormAsync("/Admin/Sessions/Edit", Form("有效标题", "2026-12-20T11:00", "2026-12-20T09:00"));
        var datesPage = Forms.Parse(await badDates.Content.ReadAsStringAsync());
        Assert.Contains("结束时间必须晚于开始时间", datesPage.QuerySelector("[data-valmsg-for='Input.EndsAt']")!.TextContent);
        Assert.Equal(before, await hub.WithDbAsync(db => db.Consultations.CountAsync()));
    }

    [Fact]
    public async Task Staff_EditsASession_AndTheAuditKeepsBeforeAndAfter()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        var title = $"原标题 {Guid.NewGuid():N}"[..12];
        var created = await client.PostFormAsync("/Admin/Sessions/Edit", Form(title));
        var url = created.Headers.Location!.OriginalString;

        var edited = await client.PostFormAsync(url, Form(title + "（修订）"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var id = Guid.Parse(url.Split('/').Last());
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "consultation.update"));
        Assert.Contains(title, audit.Before);
        Assert.Contains("（修订）", audit.After);
    }

    [Fact]
    public async Task AnIllegalStatusChange_IsRefused_AndTheStatusStays()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        var title = $"状态测试 {Guid.NewGuid():N}"[..12];
        var created = await client.PostFormAsync("/Admin/Sessions/Edit", Form(title));
        var url = created.Headers.Location!.OriginalString;

        await client.PostFormAsync(url, new Dictionary<string, string> { ["next"] = nameof(ConsultationStatus.Ended) }, url + "?handler=Status");
        var id = Guid.Parse(url.Split('/').Last());
        Assert.Equal(ConsultationStatus.Draft, (await hub.WithDbAsync(db => db.Consultations.SingleAsync(c => c.Id == id))).Status);

        await client.PostFormAsync(url, new Dictionary<string, string> { ["next"] = nameof(ConsultationStatus.Scheduled) }, url + "?handler=Status");
        Assert.Equal(ConsultationStatus.Scheduled, (await hub.WithDbAsync(db => db.Consultations.SingleAsync(c => c.Id == id))).Status);
    }
}
