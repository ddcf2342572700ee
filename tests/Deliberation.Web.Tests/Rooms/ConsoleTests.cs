using System.Net;
using System.Text.Json;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>What the moderator console relies on from the hub besides the room's events.</summary>
[Collection(HubCollection.Name)]
public class ConsoleTests(HubFactory hub)
{
    private sealed record Posted(Guid Id, string Status, string? FlagReason);

    [Fact]
    public async Task AQueuedComment_ReachesModeratorsWithTheItem_SoTheConsoleNeedNotReload()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "热心市民")).JoinAsync(room);

        var posted = await visitor.InvokeAsync<Posted>("PostComment", "建议公开费用明细");
        await RoomTestClient.EventuallyAsync(() => moderator.QueueChanges.Any(q => q.ItemId == posted.Id && q.Change == "added"));
        var change = moderator.QueueChanges.Single(q => q.ItemId == posted.Id && q.Change == "added");
        var item = Assert.IsType<JsonElement>(change.Item);
        Assert.Equal("建议公开费用明细", item.GetProperty("text").GetString());
        Assert.Equal("热心市民", item.GetProperty("authorName").GetString());
        Assert.Equal(visitor.Joined.Me.Key, item.GetProperty("authorKey").GetString());
        Assert.Equal("Pending", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ACommentHiddenByReports_KeptHiddenWithAReason_LeavesTheQueue()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.ReportThreshold = 1);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var reporter = await (await Person.VisitorAsync(hub, room, "举报人")).JoinAsync(room);
        var posted = await member.InvokeAsync<Posted>("PostComment", "有争议的说法");
        await reporter.InvokeAsync("ReportComment", posted.Id);
        Assert.Contains((await moderator.InvokeAsync<ConsoleState>("GetConsoleState")).Queue.Comments, c => c.Id == posted.Id);

        await moderator.InvokeAsync("HideComment", new ModerateRequest(posted.Id, "内容不实"));

        Assert.DoesNotContain((await moderator.InvokeAsync<ConsoleState>("GetConsoleState")).Queue.Comments, c => c.Id == posted.Id);
        var stored = await hub.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == posted.Id));
        Assert.Equal(CommentStatus.Hidden, stored.Status);
        Assert.Equal("内容不实", stored.ModerationReason);
    }

    [Fact]
    public async Task MinutesProgress_IsNothingWhileLive_AndTheQueuedCompileOnceEnded()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        Assert.Null(await moderator.InvokeAsync<MinutesProgressRow?>("GetMinutesProgress"));

        await moderator.InvokeAsync("ChangeStatus", ConsultationStatus.Ended);

        var progress = await moderator.InvokeAsync<MinutesProgressRow?>("GetMinutesProgress");
        Assert.NotNull(progress);
        var minutesId = await hub.WithDbAsync(db => db.MinutesDocuments.Where(m => m.ConsultationId == room).Select(m => m.Id).SingleAsync());
        Assert.Equal(minutesId, progress.Id);
        Assert.Equal(minutesId, (await moderator.InvokeAsync<ConsoleState>("GetConsoleState")).Minutes?.Id);
    }

    [Fact]
    public async Task TheQuestionnairePage_RefusesItemsWithTooFewOptions_NamingTheItem()
    {
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        var title = $"意愿调查{Guid.NewGuid():N}"[..12]; // the database is shared with other tests
        var items = JsonSerializer.Serialize(new object[]
        {
            new { text = "您住几楼？", kind = "Single", options = new[] { "1-3楼", "4楼以上" }, required = true },
            new { text = "是否愿意出资？", kind = "Single", options = new[] { "愿意" }, required = true },
        });
        var response = await staff.Http.PostFormAsync("/Admin/Questionnaires", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.ItemsJson"] = items, ["Input.Anonymous"] = "true",
            ["Input.StartsAt"] = "2026-01-01T08:00", ["Input.EndsAt"] = "2026-01-20T08:00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("第2题至少需要两个选项", page.QuerySelector("[data-builder-errors]")!.TextContent);
        Assert.False(await hub.WithDbAsync(db => db.Questionnaires.AnyAsync(q => q.Title == title)));
    }

    [Fact]
    public async Task TheQuestionnairePage_PublishesTheBuiltItems()
    {
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        var title = $"电梯使用调查{Guid.NewGuid():N}"[..14];
        var items = JsonSerializer.Serialize(new object[]
        {
            new { text = "您多久使用一次电梯？", kind = "Single", options = new[] { "每天", "偶尔" }, required = true },
            new { text = "满意度", kind = "Rating", options = Array.Empty<string>(), required = false },
        });
        var response = await staff.Http.PostFormAsync("/Admin/Questionnaires", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.ItemsJson"] = items, ["Input.Anonymous"] = "true",
            ["Input.StartsAt"] = "2026-01-01T08:00", ["Input.EndsAt"] = "2026-01-20T08:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var q = await hub.WithDbAsync(db => db.Questionnaires.SingleAsync(x => x.Title == title));
        Assert.Equal(new[] { "q1", "q2" }, q.Items.Select(i => i.Key));
        Assert.Equal(QuestionnaireItemKind.Rating, q.Items[1].Kind);
        Assert.Equal(new[] { "每天", "偶尔" }, q.Items[0].Options);
    }
    [Fact]
    public async Task AnotherBodysQuestionnaire_IsNeitherListedNorOpened()
    {
        var otherBody = await hub.NewOtherOrgAsync();
        var foreign = new Questionnaire
        {
            OrganizationId = otherBody, Title = AdminData.Unique("他市问卷"), Status = BallotStatus.Open, CreatedAt = DateTimeOffset.UtcNow,
            Items = [new QuestionnaireItem { Key = "q1", Text = "您的意见", Kind = QuestionnaireItemKind.Text }],
        };
        await hub.WithDbAsync(async db => { db.Questionnaires.Add(foreign); return await db.SaveChangesAsync(); });
        var staff = await Person.SignedInAsync(hub, Demo.Staff);

        Assert.DoesNotContain(foreign.Title, await staff.Http.GetStringAsync("/Admin/Questionnaires"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Admin/Questionnaires/{foreign.Id}")).StatusCode);
    }
}
