using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Admin;

[Collection(HubCollection.Name)]
public class MemberAdminTests(HubFactory hub)
{
    [Fact]
    public async Task AMemberCannotOpenTheMembersPage()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Member);
        var response = await client.GetAsync("/Admin/Members");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MembersList_ShowsFiftyAPage_WithAPager()
    {
        var client = await hub.StaffAsync();
        var page = await client.GetPageAsync("/Admin/Members");
        Assert.Equal(50, page.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("第1页", page.QuerySelector(".pager")!.TextContent);

        var second = await client.GetPageAsync(page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        Assert.Contains("第2页", second.QuerySelector(".pager")!.TextContent);
        Assert.NotEqual(page.QuerySelector("tbody tr")!.TextContent, second.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task AddingAMemberWithoutAName_ShowsTheFieldMessage()
    {
        var sector = await hub.NewSectorAsync();
        var client = await hub.StaffAsync();
        var response = await client.PostFormAsync("/Admin/Members/Edit", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.SectorId"] = sector.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("此项为必填项", page.FieldError("Input.FullName"));
        Assert.False(await hub.WithDbAsync(db => db.Members.AnyAsync(m => m.SectorId == sector.Id)));
    }

    [Fact]
    public async Task Staff_CreatesAMember_AndFindsThemByNameAndSector()
    {
        var sector = await hub.NewSectorAsync();
        var name = AdminData.Unique("李");
        var client = await hub.StaffAsync();
        var response = await client.PostFormAsync("/Admin/Members/Edit", new Dictionary<string, string>
        {
            ["Input.FullName"] = name, ["Input.SectorId"] = sector.Id.ToString(), ["Input.Group"] = "第七联络组",
            ["Input.IsStandingMember"] = "true", ["Input.Affiliation"] = "滨江大学 教授",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await client.GetPageAsync($"/Admin/Members?q={Uri.EscapeDataString(name[..5])}&sector={sector.Id}");
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Single(rows);
        Assert.Contains(name, rows[0].TextContent);
        Assert.Contains("常委", rows[0].TextContent);
        var member = await hub.WithDbAsync(db => db.Members.SingleAsync(m => m.FullName == name));
        Assert.Equal("第七联络组", member.Group);
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == member.Id.ToString() && a.Action == "member.create")));
    }

    [Fact]
    public async Task Staff_MovesAMemberToAnotherSector_AndTheAuditKeepsBoth()
    {
        var from = await hub.NewSectorAsync();
        var to = await hub.NewSectorAsync();
        var member = await hub.NewMemberAsync(from.Id);
        var client = await hub.StaffAsync();
        var url = $"/Admin/Members/Edit/{member.Id}";

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.FullName"] = member.FullName, ["Input.SectorId"] = to.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to.Id, (await hub.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == member.Id))).SectorId);
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == member.Id.ToString() && a.Action == "member.update"));
        Assert.Contains(from.Id.ToString(), audit.Before);
        Assert.Contains(to.Id.ToString(), audit.After);
    }

    [Fact]
    public async Task AMemberCannotBePutInAnotherBodysSector()
    {
        var foreign = await hub.NewSectorAsync(await hub.NewOtherOrgAsync());
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("赵");
        var response = await client.PostFormAsync("/Admin/Members/Edit", new Dictionary<string, string> { ["Input.FullName"] = name, ["Input.SectorId"] = foreign.Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请从列表中选择", Forms.Parse(await response.Content.ReadAsStringAsync()).FieldError("Input.SectorId"));
        Assert.False(await hub.WithDbAsync(db => db.Members.AnyAsync(m => m.FullName == name)));
    }

    [Fact]
    public async Task AnotherBodysMember_IsNotFound()
    {
        var other = await hub.NewOtherOrgAsync();
        var member = await hub.NewMemberAsync((await hub.NewSectorAsync(other)).Id, orgId: other);
        var client = await hub.StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Members/Edit/{member.Id}")).StatusCode);
        var list = await client.GetPageAsync($"/Admin/Members?q={Uri.EscapeDataString(member.FullName)}");
        Assert.Empty(list.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task DeletingAMemberWhoIsAParticipant_IsRefusedWithAMessage()
    {
        var member = await hub.NewMemberAsync((await hub.NewSectorAsync()).Id);
        await hub.NewParticipantAsync(await hub.NewSessionAsync(), ParticipantTier.Member, memberId: member.Id);
        var client = await hub.StaffAsync();
        var url = $"/Admin/Members/Edit/{member.Id}";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("参会记录需要保留，不能删除", page.ProblemText());
        Assert.True(await hub.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == member.Id)));
    }

    [Fact]
    public async Task DeletingAMemberWithNoRecord_RemovesThem()
    {
        var member = await hub.NewMemberAsync((await hub.NewSectorAsync()).Id);
        var client = await hub.StaffAsync();
        var url = $"/Admin/Members/Edit/{member.Id}";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Delete");

        Assert.Equal("/Admin/Members", response.Headers.Location!.OriginalString);
        Assert.False(await hub.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == member.Id)));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == member.Id.ToString() && a.Action == "member.delete")));
    }
}
