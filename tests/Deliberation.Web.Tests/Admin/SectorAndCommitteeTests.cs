using System.Net;
using Deliberation.Core.Organizations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Admin;

[Collection(HubCollection.Name)]
public class SectorAndCommitteeTests(HubFactory hub)
{
    [Fact]
    public async Task Staff_AddsASector_AtTheEndOfTheList_WithAnAuditEntry()
    {
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("新界别");
        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["Input.Name"] = name }, "/Admin/Sectors?handler=Add");

        var page = await client.FollowAsync(response);
        Assert.Contains(name, page.QuerySelector("table")!.TextContent);
        var org = await hub.DemoOrgAsync();
        var sector = await hub.WithDbAsync(db => db.Sectors.SingleAsync(s => s.Name == name));
        var last = await hub.WithDbAsync(db => db.Sectors.Where(s => s.OrganizationId == org).MaxAsync(s => s.SortOrder));
        Assert.Equal(last, sector.SortOrder);
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == sector.Id.ToString()));
        Assert.Equal("sector.create", audit.Action);
    }

    [Fact]
    public async Task AddingASectorWithATakenName_ShowsTheFieldMessage()
    {
        var existing = await hub.NewSectorAsync();
        var client = await hub.StaffAsync();
        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["Input.Name"] = existing.Name }, "/Admin/Sectors?handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("已有同名记录", page.FieldError("Input.Name"));
        Assert.Equal(1, await hub.WithDbAsync(db => db.Sectors.CountAsync(s => s.Name == existing.Name)));
    }

    [Fact]
    public async Task AddingASectorWithoutAName_ShowsTheFieldMessage()
    {
        var client = await hub.StaffAsync();
        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["Input.Name"] = "  " }, "/Admin/Sectors?handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("此项为必填项", Forms.Parse(await response.Content.ReadAsStringAsync()).FieldError("Input.Name"));
    }

    [Fact]
    public async Task MovingASectorUp_PutsItBeforeTheOneAbove_AndKeepsTheListGapless()
    {
        var first = await hub.NewSectorAsync();
        var second = await hub.NewSectorAsync();
        var client = await hub.StaffAsync();
        // Adding renumbers nothing, so normalise by moving each to the end first.
        foreach (var s in new[] { first, second })
        {
            await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["id"] = s.Id.ToString(), ["position"] = "999" }, "/Admin/Sectors?handler=Move");
        }
        var before = await hub.WithDbAsync(db => db.Sectors.SingleAsync(s => s.Id == second.Id));

        await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["id"] = second.Id.ToString(), ["position"] = (before.SortOrder - 1).ToString() }, "/Admin/Sectors?handler=Move");

        var org = await hub.DemoOrgAsync();
        var orders = await hub.WithDbAsync(db => db.Sectors.Where(s => s.OrganizationId == org).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.SortOrder }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, orders.Count), orders.Select(o => o.SortOrder));
        Assert.Equal([second.Id, first.Id], orders.TakeLast(2).Select(o => o.Id));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == second.Id.ToString() && a.Action == "sector.move")));
    }

    [Fact]
    public async Task RenamingASector_KeepsBeforeAndAfterInTheAudit()
    {
        var sector = await hub.NewSectorAsync();
        var client = await hub.StaffAsync();
        var url = $"/Admin/Sectors?edit={sector.Id}";
        var renamed = sector.Name + "改";
        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Name"] = renamed, ["Input.Position"] = "1" }, $"{url}&handler=Update");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await hub.WithDbAsync(db => db.Sectors.SingleAsync(s => s.Id == sector.Id));
        Assert.Equal(renamed, saved.Name);
        Assert.Equal(1, saved.SortOrder);
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == sector.Id.ToString() && a.Action == "sector.update"));
        Assert.Contains(sector.Name, audit.Before);
        Assert.Contains(renamed, audit.After);
    }

    [Fact]
    public async Task DeletingASectorWithMembers_IsRefusedWithAMessage()
    {
        var sector = await hub.NewSectorAsync();
        await hub.NewMemberAsync(sector.Id);
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["id"] = sector.Id.ToString() }, "/Admin/Sectors?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("该界别下还有委员，不能删除", page.ProblemText());
        Assert.True(await hub.WithDbAsync(db => db.Sectors.AnyAsync(s => s.Id == sector.Id)));
    }

    [Fact]
    public async Task DeletingAnEmptySector_RemovesItAndRecordsIt()
    {
        var sector = await hub.NewSectorAsync();
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["id"] = sector.Id.ToString() }, "/Admin/Sectors?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("已删除", page.QuerySelector(".flash")!.TextContent);
        Assert.False(await hub.WithDbAsync(db => db.Sectors.AnyAsync(s => s.Id == sector.Id)));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == sector.Id.ToString() && a.Action == "sector.delete")));
    }

    [Fact]
    public async Task DeletingACommitteeWithMembers_IsRefusedWithAMessage()
    {
        var org = await hub.DemoOrgAsync();
        var committee = new Committee { OrganizationId = org, Name = AdminData.Unique("专委会"), SortOrder = 99 };
        await hub.WithDbAsync(async db => { db.Committees.Add(committee); return await db.SaveChangesAsync(); });
        var sector = await hub.NewSectorAsync();
        await hub.NewMemberAsync(sector.Id, committee.Id);
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Committees", new Dictionary<string, string> { ["id"] = committee.Id.ToString() }, "/Admin/Committees?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("该专委会下还有委员，不能删除", page.ProblemText());
        Assert.True(await hub.WithDbAsync(db => db.Committees.AnyAsync(c => c.Id == committee.Id)));
    }

    [Fact]
    public async Task Staff_AddsACommittee_AndSeesItInEnglishToo()
    {
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("Committee ");
        var response = await client.PostFormAsync("/Admin/Committees", new Dictionary<string, string> { ["Input.Name"] = name }, "/Admin/Committees?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await client.GetPageAsync("/Admin/Committees?culture=en");
        Assert.Contains(name, page.Body!.TextContent);
        Assert.Contains("Add a committee", page.Body.TextContent);
        var committee = await hub.WithDbAsync(db => db.Committees.SingleAsync(c => c.Name == name));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == committee.Id.ToString() && a.Action == "committee.create")));
    }

    [Fact]
    public async Task AnotherBodysSector_CannotBeDeletedFromThisBody()
    {
        var other = await hub.NewOtherOrgAsync();
        var foreign = await hub.NewSectorAsync(other);
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Sectors", new Dictionary<string, string> { ["id"] = foreign.Id.ToString() }, "/Admin/Sectors?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("界别不存在", page.ProblemText());
        Assert.DoesNotContain(foreign.Name, page.Body!.TextContent);
        Assert.True(await hub.WithDbAsync(db => db.Sectors.AnyAsync(s => s.Id == foreign.Id)));
    }
}
