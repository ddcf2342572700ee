using System.Globalization;
using System.Net;
using Deliberation.Core.FollowUp;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpWorkflowTests(FollowUpFactory hub)
{
    private readonly FollowUpScenario _s = new(hub);

    private Task<OutcomeItem> ItemAsync(Guid id) => hub.WithDbAsync(db => db.OutcomeItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private string LocalDay(int days) =>
        hub.Clock.Now.ToOffset(TimeSpan.FromHours(8)).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task FollowUp_FullLoopThroughThePages_ReopensOnceOnDissatisfaction_AndAuditsEveryStep()
    {
        var title = FollowUpScenario.Unique("加装电梯补贴");
        var staff = hub.Browser();
        await staff.SignInAsync(Demo.Staff);
        var created = await staff.PostFormAsync("/Admin/FollowUp/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Text"] = "建议提高老旧小区加装电梯财政补贴标准。", ["Input.Source"] = "Session",
            ["Input.Proposers"] = "王建国", ["Input.IsPublic"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page.Split('/').Last());
        Assert.Equal(FollowUpStatus.Pending, (await ItemAsync(id)).Status);

        await staff.PostFormAsync(page, new Dictionary<string, string>(), page + "?handler=Submit");
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        var assign = await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Assign.LeadDepartmentId"] = housing.ToString(), ["Assign.DueOn"] = LocalDay(20), ["Assign.Note"] = "请认真研究",
        }, page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.Equal(FollowUpStatus.Assigned, (await ItemAsync(id)).Status);

        var dept = hub.Browser();
        await dept.SignInAsync(Demo.Department);
        Assert.Contains(title, (await dept.GetPageAsync("/Workspace/Department")).Body!.TextContent);
        var handle = $"/Workspace/Department/{id}";
        await dept.PostFormAsync(handle, new Dictionary<string, string>(), handle + "?handler=Accept");
        Assert.Equal(FollowUpStatus.InProgress, (await ItemAsync(id)).Status);

        var unconsulted = await dept.PostFormAsync(handle, new Dictionary<string, string> { ["Reply.Text"] = "已办理。" }, handle + "?handler=Reply");
        Assert.Equal(HttpStatusCode.OK, unconsulted.StatusCode);
        Assert.Contains("不协商不答复", await unconsulted.Content.ReadAsStringAsync());
        Assert.Equal(FollowUpStatus.InProgress, (await ItemAsync(id)).Status);

        await ReplyAsync(dept, handle, "第一次答复：已纳入明年预算研究。");
        var member = hub.Browser();
        await member.SignInAsync(Demo.Member);
        Assert.Contains(title, (await member.GetPageAsync("/Workspace/Mine")).QuerySelector(".fu-cards")!.TextContent);
        var mine = $"/Workspace/Mine/{id}";
        var noComment = await member.PostFormAsync(mine, new Dictionary<string, string> { ["Rating.Overall"] = "Dissatisfied" });
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Equal(FollowUpStatus.Replied, (await ItemAsync(id)).Status);
        await RateAsync(member, mine, "Dissatisfied", "补贴标准没有变化");
        var reopened = await ItemAsync(id);
        Assert.Equal((FollowUpStatus.InProgress, 2), (reopened.Status, reopened.Round));

        await ReplyAsync(dept, handle, "第二次答复：补贴标准已由每台15万元提高到20万元。");
        await RateAsync(member, mine, "Satisfied", null);
        var closed = await ItemAsync(id);
        Assert.Equal((FollowUpStatus.Closed, Satisfaction.Satisfied), (closed.Status, closed.FinalSatisfaction));
        Assert.NotNull(closed.LookBackDueAt);

        var events = await hub.WithDbAsync(db => db.FollowUpEvents.Where(e => e.ItemId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [FollowUpEventKind.Created, FollowUpEventKind.Submitted, FollowUpEventKind.Assigned, FollowUpEventKind.Accepted,
             FollowUpEventKind.Replied, FollowUpEventKind.Rated, FollowUpEventKind.Reopened, FollowUpEventKind.Replied,
             FollowUpEventKind.Rated, FollowUpEventKind.Closed],
            events.Select(e => e.Kind));
        var audit = await hub.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(events.Count, audit.Count);
        var reopenAudit = audit.Single(a => a.Action == "followup.reopened");
        Assert.Contains("Replied", reopenAudit.Before);
        Assert.Contains("InProgress", reopenAudit.After);
        Assert.Equal("王建国", reopenAudit.ActorName);
        Assert.Contains("陈晓", audit.Single(a => a.Action == "followup.assigned").ActorName);

        var board = await hub.Browser().GetPageAsync($"/progress/{id}");
        Assert.Contains("已办结", board.QuerySelector(".fu-item .card-tags")!.TextContent);
        Assert.Equal(events.Count, board.QuerySelectorAll(".timeline li").Length);
        Assert.Contains("再办理", board.QuerySelector(".timeline")!.TextContent);
    }

    [Fact]
    public async Task FollowUp_SecondDissatisfaction_EscalatesToLeaders_WhoInstruct_AndStaffReassign()
    {
        var member = await _s.DemoMemberAsync();
        var id = await _s.RepliedAsync(FollowUpScenario.Unique("督办升级"));
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        var no = new RatingDraft(Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, "仍未解决");
        await _s.RunAsync(c => c.RateAsync(id, member, no, new Core.Auditing.Actor(null, "王建国")));
        await _s.RunAsync(c => c.ReplyAsync(id, housing, _s.Reply(), _s.Handler));
        await _s.RunAsync(c => c.RateAsync(id, member, no, new Core.Auditing.Actor(null, "王建国")));
        Assert.Equal(FollowUpStatus.Escalated, (await ItemAsync(id)).Status);

        var leader = hub.Browser();
        await leader.SignInAsync(Demo.Leader);
        var page = $"/Workspace/Leader/{id}";
        Assert.Contains(id.ToString(), (await leader.GetPageAsync("/Workspace/Leader")).QuerySelector(".fu-cards")!.InnerHtml);
        await leader.PostFormAsync(page, new Dictionary<string, string> { ["Instruction"] = "请市住建局主要负责同志亲自督办。" });
        Assert.Equal(FollowUpStatus.Instructed, (await ItemAsync(id)).Status);
        var leaders = await hub.WithDbAsync(db => db.Notifications.CountAsync(n => n.ItemId == id && n.Kind == "followup.escalated"));
        Assert.True(leaders > 0);
    }

    private async Task ReplyAsync(HttpClient dept, string handle, string text)
    {
        var today = LocalDay(0);
        var reply = await dept.PostFormAsync(handle, new Dictionary<string, string>
        {
            ["Reply.Method"] = "Phone", ["Reply.ContactedOn"] = today, ["Reply.Summary"] = "提议人同意答复意见", ["Reply.Text"] = text,
        }, handle + "?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
    }

    private static async Task RateAsync(HttpClient member, string page, string overall, string? comment)
    {
        var fields = new Dictionary<string, string>
        {
            ["Rating.Overall"] = overall, ["Rating.Communication"] = "Satisfied", ["Rating.Adoption"] = overall, ["Rating.Effect"] = overall,
        };
        if (comment is not null) fields["Rating.Comment"] = comment;
        var response = await member.PostFormAsync(page, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
