using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class QuestionsAndFloorTests(HubFactory hub)
{
    [Fact]
    public async Task MergingDuplicates_CombinesVotesOncePerPerson_AndTheAskerFollowsTheMergedQuestion()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var asker = await (await Person.VisitorAsync(hub, room, "提问者")).JoinAsync(room);
        await using var voter1 = await (await Person.VisitorAsync(hub, room, "甲")).JoinAsync(room);
        await using var voter2 = await (await Person.VisitorAsync(hub, room, "乙")).JoinAsync(room);

        var main = await asker.InvokeAsync<QuestionView>("AskQuestion", "加装电梯的费用怎么分摊？");
        var dup = await voter1.InvokeAsync<QuestionView>("AskQuestion", "电梯费用谁来出？");
        Assert.True(await voter1.InvokeAsync<bool>("UpvoteQuestion", main.Id));
        Assert.False(await voter1.InvokeAsync<bool>("UpvoteQuestion", main.Id)); // once per person
        Assert.True(await voter1.InvokeAsync<bool>("UpvoteQuestion", dup.Id));
        Assert.True(await voter2.InvokeAsync<bool>("UpvoteQuestion", dup.Id));

        await moderator.InvokeAsync("MergeQuestions", dup.Id, main.Id);
        var merged = await hub.WithDbAsync(db => db.Questions.SingleAsync(q => q.Id == main.Id));
        Assert.Equal(2, merged.Votes); // voter1 counted once, voter2 added
        Assert.Equal(1, merged.MergedCount);
        await RoomTestClient.EventuallyAsync(() => voter1.Notices.Any(n => n.Code == "question.merged" && n.Detail == main.Id.ToString()));
        await RoomTestClient.EventuallyAsync(() => voter1.Events<QuestionView>(RoomEventTypes.QuestionUpdated).Any(q => q.Id == dup.Id && q.MergedIntoId == main.Id));

        // a vote for the merged-away question lands on the merged one
        await using var voter3 = await (await Person.VisitorAsync(hub, room, "丙")).JoinAsync(room);
        Assert.True(await voter3.InvokeAsync<bool>("UpvoteQuestion", dup.Id));
        Assert.Equal(3, (await hub.WithDbAsync(db => db.Questions.SingleAsync(q => q.Id == main.Id))).Votes);
    }

    [Fact]
    public async Task TheAsker_SeesAnsweringNowThenAnswered_WithWhoAnswered()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var asker = await (await Person.VisitorAsync(hub, room, "居民")).JoinAsync(room);
        var q = await asker.InvokeAsync<QuestionView>("AskQuestion", "审批要多久？");

        await moderator.InvokeAsync("MarkAnswering", q.Id);
        await RoomTestClient.EventuallyAsync(() => asker.Notices.Any(n => n.Code == "question.answering"));
        await moderator.InvokeAsync("AnswerQuestion", new AnswerRequest(q.Id, "市住建局 李文斌", "并联审批，20个工作日内办结"));
        await RoomTestClient.EventuallyAsync(() => asker.Events<QuestionView>(RoomEventTypes.QuestionUpdated)
            .Any(x => x.Id == q.Id && x.Status == "Answered" && x.AnsweredBy == "市住建局 李文斌"));
        Assert.Contains(asker.Notices, n => n.Code == "question.answered");
    }

    [Fact]
    public async Task SpeakingQueue_GrantAndEnd_PutTheSpeechOnTheRecordWithTimes()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.SpeakingMinutes = 3);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var department = await (await Person.SignedInAsync(hub, Demo.Department)).JoinAsync(room);

        var oral = await member.InvokeAsync<Guid>("RequestFloor", new FloorRequest(SpeechKind.Oral, "资金分摊", null));
        var written = await department.InvokeAsync<Guid>("RequestFloor", new FloorRequest(SpeechKind.Written, "情况通报", "全市已加装电梯 312 部。"));
        await moderator.InvokeAsync("ReorderFloor", new List<Guid> { written, oral });
        await RoomTestClient.EventuallyAsync(() => member.Events<List<FloorRequestView>>(RoomEventTypes.FloorQueueChanged).LastOrDefault()?.FirstOrDefault()?.Id == written);

        await moderator.InvokeAsync("GrantFloor", written);
        await RoomTestClient.EventuallyAsync(() => member.Events<SpeakerView>(RoomEventTypes.SpeakerChanged).Any(s => s.SpeechId == written && s.AllowedSeconds == 180));
        await moderator.InvokeAsync("GrantFloor", oral); // ends the written statement
        await moderator.InvokeAsync("EndSpeech", oral);

        var speeches = await hub.WithDbAsync(db => db.Speeches.Where(s => s.ConsultationId == room).ToListAsync());
        Assert.All(speeches, s => Assert.Equal(SpeechStatus.Done, s.Status));
        Assert.All(speeches, s => Assert.True(s.EndedAt >= s.StartedAt));
        var w = speeches.Single(s => s.Id == written);
        Assert.Equal("全市已加装电梯 312 部。", w.Text);
        Assert.Equal("市住房和城乡建设局", w.Sector);
        Assert.NotNull(speeches.Single(s => s.Id == oral).Sector);
    }

    [Fact]
    public async Task PublicVisitors_CannotRequestTheFloor()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "群众")).JoinAsync(room);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => visitor.InvokeAsync<Guid>("RequestFloor", new FloorRequest(SpeechKind.Oral, null, null)));
    }
}
