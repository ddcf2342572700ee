using System.Net;
using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpAuthorizationTests(FollowUpFactory hub)
{
    private readonly FollowUpScenario _s = new(hub);

    [Fact]
    public async Task FollowUp_DepartmentSeesOnlyItsOwnItems_AndCannotOpenOrActOnAnothers()
    {
        var mine = await _s.AssignedAsync(FollowUpScenario.Unique("住建局事项"));
        var theirs = await _s.AssignedAsync(FollowUpScenario.Unique("财政局内部事项"), FollowUpScenario.Finance, isPublic: false);
        var client = hub.Browser();
        await client.SignInAsync(Demo.Department);

        var inbox = await client.GetPageAsync("/Workspace/Department");
        var ids = inbox.QuerySelectorAll("[data-item]").Select(e => e.GetAttribute("data-item")).ToList();
        Assert.Contains(mine.ToString(), ids);
        Assert.DoesNotContain(theirs.ToString(), ids);
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        var leads = await hub.WithDbAsync(db => db.OutcomeItems.Where(i => ids.Contains(i.Id.ToString())).Select(i => new { i.LeadDepartmentId, i.CoHandlers }).ToListAsync());
        Assert.All(leads, l => Assert.True(l.LeadDepartmentId == housing || l.CoHandlers.Any(c => c.DepartmentId == housing)));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Workspace/Department/{theirs}")).StatusCode);
        var accept = await client.PostFormAsync($"/Workspace/Department/{mine}", new Dictionary<string, string>(), $"/Workspace/Department/{theirs}?handler=Accept");
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(FollowUpStatus.Assigned, await hub.WithDbAsync(db => db.OutcomeItems.Where(i => i.Id == theirs).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task FollowUp_PublicBoard_HidesInternalItems_InternalNotes_InstructionsAndReturnReasons()
    {
        var secret = await _s.AssignedAsync(FollowUpScenario.Unique("内部事项"), isPublic: false);
        var open = await _s.InProgressAsync(FollowUpScenario.Unique("公开事项"));
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        await _s.RunAsync(c => c.ReportProgressAsync(open, housing, 40, "内部协调：与规划局分歧较大", false, _s.Handler));
        await _s.RunAsync(c => c.ReportProgressAsync(open, housing, 50, "已完成现场调研", true, _s.Handler));
        var returned = await _s.AssignedAsync(FollowUpScenario.Unique("退回事项"));
        await _s.RunAsync(c => c.ReturnAsync(returned, housing, "退回理由：不属于住建局职责", _s.Handler));
        var instructed = await _s.CreateAsync(FollowUpScenario.Unique("批示事项"));
        await _s.RunAsync(c => c.SubmitAsync(instructed, _s.Staff));
        await _s.RunAsync(c => c.InstructAsync(instructed, "批示原文：请尽快办理", new Core.Auditing.Actor(null, "领导")));

        var anonymous = hub.Browser();
        var board = await (await anonymous.GetAsync("/progress")).Content.ReadAsStringAsync();
        var json = await (await anonymous.GetAsync("/api/followup/items")).Content.ReadAsStringAsync();
        var feed = await (await anonymous.GetAsync("/progress/feed.atom")).Content.ReadAsStringAsync();
        foreach (var text in new[] { board, json, feed })
        {
            Assert.DoesNotContain(secret.ToString(), text);
            Assert.Contains(open.ToString(), text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/progress/{secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/followup/items/{secret}")).StatusCode);

        foreach (var url in new[] { $"/progress/{open}", $"/api/followup/items/{open}", $"/progress/{returned}", $"/progress/{instructed}", $"/api/followup/items/{instructed}" })
        {
            var body = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("内部协调", body);
            Assert.DoesNotContain("退回理由", body);
            Assert.DoesNotContain("批示原文", body);
        }
        Assert.Contains("已完成现场调研", await (await anonymous.GetAsync($"/progress/{open}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FollowUp_OnlyProposersRate()
    {
        var id = await _s.RepliedAsync(FollowUpScenario.Unique("测评权限"));
        var other = await OtherMemberAsync();
        var client = hub.Browser();
        await client.SignInAsync(other, "Other#2026member");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Workspace/Mine/{id}")).StatusCode);
        var post = await client.PostFormAsync("/Workspace/Mine", new Dictionary<string, string> { ["Rating.Overall"] = "Satisfied" }, $"/Workspace/Mine/{id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var staff = hub.Browser();
        await staff.SignInAsync(Demo.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/Workspace/Mine/{id}")).StatusCode);
        Assert.Empty(await hub.WithDbAsync(db => db.FollowUpRatings.Where(r => r.ItemId == id).ToListAsync()));

        var proposer = hub.Browser();
        await proposer.SignInAsync(Demo.Member);
        var page = await proposer.GetPageAsync($"/Workspace/Mine/{id}");
        Assert.NotNull(page.QuerySelector("form.rating-form"));
    }

    [Theory]
    [InlineData("member", "Member#2026hub", "/Workspace/Department")]
    [InlineData("member", "Member#2026hub", "/Workspace/Leader")]
    [InlineData("department", "Dept#2026hub", "/Admin/FollowUp")]
    [InlineData("department", "Dept#2026hub", "/Workspace/Mine")]
    [InlineData("leader", "Leader#2026hub", "/Admin/FollowUp/Stats")]
    public async Task FollowUp_WorkspacePages_AreForbiddenToOtherRoles(string user, string password, string url)
    {
        var client = hub.Browser();
        await client.SignInAsync(user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task FollowUp_Workspace_SendsAnonymousVisitorsToSignIn()
    {
        var response = await hub.Browser().GetAsync("/Workspace");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Browser().GetAsync("/api/notifications")).StatusCode);
    }

    [Fact]
    public async Task FollowUp_ReplyAttachments_FollowTheItemsVisibility()
    {
        var id = await _s.InProgressAsync(FollowUpScenario.Unique("附件事项"), isPublic: false);
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        var reply = default(FollowUpReply);
        var draft = _s.Reply() with { Attachments = [new AttachmentUpload("答复函.pdf", "application/pdf", "%PDF-1.4 test"u8.ToArray())] };
        await _s.RunAsync(async c => reply = await c.ReplyAsync(id, housing, draft, _s.Handler));
        var file = $"/followup/attachments/{reply!.Attachments.Single().Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await hub.Browser().GetAsync(file)).StatusCode);
        var dept = hub.Browser();
        await dept.SignInAsync(Demo.Department);
        var download = await dept.GetAsync(file);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-1.4 test", await download.Content.ReadAsStringAsync());
    }

    private async Task<string> OtherMemberAsync()
    {
        var name = $"other{Guid.NewGuid():N}"[..12];
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Core.Persistence.HubDbContext>();
        var member = await db.Members.Where(m => m.UserId == null).OrderBy(m => m.FullName).Skip(3).FirstAsync();
        var user = new AppUser { UserName = name, DisplayName = member.FullName, MemberId = member.Id, OrganizationId = member.OrganizationId };
        Assert.True((await users.CreateAsync(user, "Other#2026member")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Member);
        return name;
    }
}
