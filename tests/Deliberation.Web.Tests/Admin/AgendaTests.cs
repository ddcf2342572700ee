using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Admin;

[Collection(HubCollection.Name)]
public class AgendaTests(HubFactory hub)
{
    private static Dictionary<string, string> Item(string title, string minutes = "15") =>
        new() { ["Input.Title"] = title, ["Input.Presenter"] = "市住建局", ["Input.Minutes"] = minutes };

    private Task<List<AgendaItem>> AgendaAsync(Guid session) =>
        hub.WithDbAsync(db => db.AgendaItems.Where(a => a.ConsultationId == session).OrderBy(a => a.Order).ToListAsync());

    [Fact]
    public async Task Staff_AddsMovesAndDeletesAgendaItems_AndTheOrderStaysGapless()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();
        var url = $"/Admin/Sessions/Agenda/{session}";
        foreach (var title in new[] { "通报情况", "委员发言", "确认共识" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, Item(title), $"{url}?handler=Save")).StatusCode);
        }
        var items = await AgendaAsync(session);
        Assert.Equal(["通报情况", "委员发言", "确认共识"], items.Select(i => i.Title));

        await client.PostFormAsync(url, new Dictionary<string, string> { ["item"] = items[2].Id.ToString(), ["position"] = "2" }, $"{url}?handler=Move");
        Assert.Equal(["通报情况", "确认共识", "委员发言"], (await AgendaAsync(session)).Select(i => i.Title));

        await client.PostFormAsync(url, new Dictionary<string, string> { ["item"] = items[0].Id.ToString() }, $"{url}?handler=Delete");
        var left = await AgendaAsync(session);
        Assert.Equal(["确认共识", "委员发言"], left.Select(i => i.Title));
        Assert.Equal([1, 2], left.Select(i => i.Order));

        var actions = await hub.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AgendaItem) && (a.EntityId == items[0].Id.ToString() || a.EntityId == items[2].Id.ToString()))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["agenda.create", "agenda.create", "agenda.delete", "agenda.move"], actions.Order());
    }

    [Fact]
    public async Task Staff_EditsAnAgendaItem()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();
        var url = $"/Admin/Sessions/Agenda/{session}";
        await client.PostFormAsync(url, Item("原议程"), $"{url}?handler=Save");
        var item = (await AgendaAsync(session)).Single();

        var response = await client.PostFormAsync($"{url}?edit={item.Id}", Item("修改后的议程", "40"), $"{url}?edit={item.Id}&handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await AgendaAsync(session)).Single();
        Assert.Equal(("修改后的议程", 40), (saved.Title, saved.DurationMinutes));
    }

    [Fact]
    public async Task AnAgendaItemOfTenHours_ShowsTheFieldMessage()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();
        var url = $"/Admin/Sessions/Agenda/{session}";

        var response = await client.PostFormAsync(url, Item("过长的议程", "600"), $"{url}?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("时长应在0到480分钟之间", Forms.Parse(await response.Content.ReadAsStringAsync()).FieldError("Input.Minutes"));
        Assert.Empty(await AgendaAsync(session));
    }

    [Fact]
    public async Task TheAgendaOfAnEndedSession_CannotChange_AndSaysWhy()
    {
        var open = await hub.NewSessionAsync(ConsultationStatus.Live);
        var client = await hub.StaffAsync();
        var url = $"/Admin/Sessions/Agenda/{open}";
        var form = await client.GetPageAsync(url); // the form is still there while live
        await client.PostFormAsync(url, Item("直播中添加"), $"{url}?handler=Save");
        Assert.Single(await AgendaAsync(open));

        var ended = await hub.NewSessionAsync(ConsultationStatus.Ended);
        var endedUrl = $"/Admin/Sessions/Agenda/{ended}";
        var page = await client.GetPageAsync(endedUrl);
        Assert.Contains("协商活动已结束", page.QuerySelector(".notice")!.TextContent);
        Assert.Null(page.QuerySelector("form.form-grid"));

        // A post that still arrives (an old tab) is refused with the same message.
        var token = form.Token();
        var response = await client.PostAsync($"{endedUrl}?handler=Save",
            new FormUrlEncodedContent(new Dictionary<string, string>(Item("结束后添加")) { ["__RequestVerificationToken"] = token }));
        var after = await client.FollowAsync(response);
        Assert.Contains("协商活动已结束，不能再修改", after.ProblemText());
        Assert.Empty(await AgendaAsync(ended));
    }

    [Fact]
    public async Task AnotherBodysSessionAgenda_IsNotFound()
    {
        var other = await hub.NewSessionAsync(orgId: await hub.NewOtherOrgAsync());
        var client = await hub.StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Sessions/Agenda/{other}")).StatusCode);
    }
}
