using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Admin;

[Collection(HubCollection.Name)]
public class DepartmentTests(HubFactory hub)
{
    private async Task<Department> NewDepartmentAsync()
    {
        var d = new Department { OrganizationId = await hub.DemoOrgAsync(), Name = AdminData.Unique("市测试局") };
        await hub.WithDbAsync(async db => { db.Departments.Add(d); return await db.SaveChangesAsync(); });
        return d;
    }

    [Fact]
    public async Task Staff_AddsADepartment_WithItsContact()
    {
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("市新设局");
        var response = await client.PostFormAsync("/Admin/Departments",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Contact"] = "王科长 12345678" }, "/Admin/Departments?handler=Save");

        var page = await client.FollowAsync(response);
        Assert.Contains(name, page.QuerySelector("table")!.TextContent);
        var d = await hub.WithDbAsync(db => db.Departments.SingleAsync(x => x.Name == name));
        Assert.Equal("王科长 12345678", d.Contact);
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == d.Id.ToString() && a.Action == "department.create")));
    }

    [Fact]
    public async Task Staff_EditsADepartmentsContact_AndTheAuditKeepsTheOldOne()
    {
        var d = await NewDepartmentAsync();
        var client = await hub.StaffAsync();
        var url = $"/Admin/Departments?edit={d.Id}";
        var form = await client.GetPageAsync(url);
        Assert.Equal(d.Name, form.InputValue("#Input_Name"));

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Name"] = d.Name, ["Input.Contact"] = "李主任" }, $"{url}&handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("李主任", (await hub.WithDbAsync(db => db.Departments.SingleAsync(x => x.Id == d.Id))).Contact);
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == d.Id.ToString() && a.Action == "department.update"));
        Assert.Contains("李主任", audit.After);
    }

    [Fact]
    public async Task DeletingADepartmentThatSentParticipants_IsRefusedWithAMessage()
    {
        var d = await NewDepartmentAsync();
        var session = await hub.NewSessionAsync();
        await hub.NewParticipantAsync(session, ParticipantTier.Department, departmentId: d.Id);
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Departments", new Dictionary<string, string> { ["id"] = d.Id.ToString() }, "/Admin/Departments?handler=Delete");

        var page = await client.FollowAsync(response);
        Assert.Contains("该单位已有人员参加协商活动", page.ProblemText());
        Assert.True(await hub.WithDbAsync(db => db.Departments.AnyAsync(x => x.Id == d.Id)));
    }

    [Fact]
    public async Task DeletingAnUnusedDepartment_RemovesIt()
    {
        var d = await NewDepartmentAsync();
        var client = await hub.StaffAsync();

        var response = await client.PostFormAsync("/Admin/Departments", new Dictionary<string, string> { ["id"] = d.Id.ToString() }, "/Admin/Departments?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await hub.WithDbAsync(db => db.Departments.AnyAsync(x => x.Id == d.Id)));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == d.Id.ToString() && a.Action == "department.delete")));
    }
}
