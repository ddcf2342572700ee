using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class ResumeTests(HubFactory hub)
{
    [Fact]
    public async Task AViewerDroppedMidStream_ResumesWithEveryMissedEventExactlyOnceInOrder()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var publisher = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var viewer = await (await Person.VisitorAsync(hub, room, "断线的观众")).JoinAsync(room);

        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < 120; i++) await publisher.InvokeAsync<object>("PostComment", $"第{i}条");
        });
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq >= 20);
        await viewer.DropAsync();
        await Task.Delay(400); // comments keep flowing while the viewer is away
        await viewer.ReconnectAsync();
        await posting;

        var total = await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room));
        Assert.Equal(120, total);
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == total, 10000);
        var texts = viewer.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"第{i}条"), texts);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), viewer.Applied.Select(e => e.Seq));
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task SequenceNumbers_StayGapFreeWhenActionsFail()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await member.InvokeAsync<object>("PostComment", "一");
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => member.InvokeAsync<object>("PostComment", new string('x', 600)));
        await member.InvokeAsync<object>("PostComment", "二");
        var seqs = await hub.WithDbAsync(db => db.RoomEvents.Where(e => e.ConsultationId == room).OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        Assert.Equal([1L, 2L], seqs);
    }

    [Fact]
    public async Task AViewerThatLostTheLastBatch_NoticesFromThePresencePushAndResumes()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var publisher = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var viewer = await (await Person.VisitorAsync(hub, room, "漏了最后一批")).JoinAsync(room);

        await publisher.InvokeAsync<object>("PostComment", "一");
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == 1);
        // The viewer misses the last batch, as during a backplane outage, and no later event arrives to reveal the gap.
        viewer.LoseBatches = true;
        await publisher.InvokeAsync<object>("PostComment", "二");
        await Task.Delay(300);
        viewer.LoseBatches = false;

        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq == 2, 6000);
        Assert.Equal(["一", "二"], viewer.Events<CommentView>(RoomEventTypes.CommentShown).Select(c => c.Text));
    }

    [Fact]
    public async Task AResume_ReturnsTheCurrentQuestionVotesAndTallies_ChangedWhileTheViewerWasAway()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("哪个方案？", PollKind.Single, ["甲", "乙"], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", poll.Id);
        await using var asker = await (await Person.VisitorAsync(hub, room, "提问人")).JoinAsync(room);
        var question = await asker.InvokeAsync<QuestionView>("AskQuestion", "什么时候开工？");
        var viewer = await (await Person.VisitorAsync(hub, room, "离开一会儿")).JoinAsync(room);
        await RoomTestClient.EventuallyAsync(() => viewer.LastSeq >= 2); // the poll opened, the question asked
        await viewer.DropAsync();

        // Counts are state, pushed coalesced: the viewer misses these pushes entirely.
        var voters = new List<RoomTestClient>();
        for (var i = 0; i < 3; i++) voters.Add(await (await Person.VisitorAsync(hub, room, $"赞同{i}")).JoinAsync(room));
        foreach (var v in voters) Assert.True(await v.InvokeAsync<bool>("UpvoteQuestion", question.Id));
        for (var i = 0; i < 3; i++) await voters[i].InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, [i == 0 ? 0 : 1], null, null));

        await viewer.ReconnectAsync();
        Assert.Null(viewer.Joined.Snapshot);
        Assert.Contains(viewer.Joined.QuestionVotes!, q => q.Id == question.Id && q.Votes == 3);
        var tally = Assert.Single(viewer.Joined.Tallies, t => t.PollId == poll.Id);
        Assert.Equal((3, 3L), (tally.Respondents, tally.Version));
        Assert.Equal([1, 2], tally.Counts);
        foreach (var v in voters) await v.DisposeAsync();
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task TallyVersions_GrowWithEveryAnswer_SoTheNewestIsKnownOnEveryNode()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("满意吗？", PollKind.Rating, [], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", poll.Id);
        var voters = new List<RoomTestClient>();
        for (var i = 0; i < 8; i++) voters.Add(await (await Person.VisitorAsync(hub, room, $"评分{i}")).JoinAsync(room));

        await Task.WhenAll(voters.Select((v, i) => v.InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, null, 1 + i % 5, null))));
        await voters[0].InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, null, 5, null)); // a change is a new version too

        Assert.Equal(9, await hub.WithDbAsync(db => db.Polls.Where(p => p.Id == poll.Id).Select(p => p.TallyVersion).SingleAsync()));
        await RoomTestClient.EventuallyAsync(() => moderator.Tallies.Any(t => t.PollId == poll.Id && t.Version == 9));
        var seen = moderator.Tallies.Where(t => t.PollId == poll.Id).ToList();
        Assert.Equal(seen.Select(t => t.Version).Order(), seen.Select(t => t.Version)); // taken only newest-last
        Assert.Equal(8, seen[^1].Respondents);
        Assert.Equal([1, 2, 2, 1, 2], seen[^1].Counts); // ratings 5,2,3,4,5,1,2,3
        await moderator.InvokeAsync("ClosePoll", poll.Id);
        await RoomTestClient.EventuallyAsync(() => moderator.Events<ClosedPoll>(RoomEventTypes.PollClosed).Any(c => c.Tally.Version == 9));
        foreach (var v in voters) await v.DisposeAsync();
    }

    [Fact]
    public async Task AWatcherJoiningFromTheSharedSnapshot_GetsTheCurrentCounts_ThoughItJoinedAfterThePush()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("同意吗？", PollKind.Single, ["同意", "不同意"], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", poll.Id);
        var question = await member.InvokeAsync<QuestionView>("AskQuestion", "工期多长？");
        await RoomTestClient.EventuallyAsync(() => moderator.LastSeq >= 2);
        await using var early = await new Person(hub, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()).JoinAsync(room); // builds the shared snapshot
        await using var voter = await (await Person.VisitorAsync(hub, room, "投了票")).JoinAsync(room);
        await voter.InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, [0], null, null));
        Assert.True(await voter.InvokeAsync<bool>("UpvoteQuestion", question.Id));
        await RoomTestClient.EventuallyAsync(() => moderator.Tallies.Any(t => t.PollId == poll.Id && t.Version == 1)
            && moderator.VoteChanges.Any(l => l.Any(v => v.Id == question.Id && v.Votes == 1)));

        // The shared snapshot from before the answer is still fresh enough to be served (as within 500 ms of a join
        // storm): the late watcher joins with the old tally and missed the push; the re-push a second later corrects it.
        await hub.Services.GetRequiredService<Deliberation.Realtime.Rooms.SnapshotCache>().GetAsync(room, () => Task.FromResult(early.Joined.Snapshot!));
        await using var late = await new Person(hub, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()).JoinAsync(room);
        var joinedWith = late.Joined.Snapshot!.Tallies.Single(t => t.PollId == poll.Id).Version;
        var votesWith = late.Joined.Snapshot.Questions.Single(q => q.Id == question.Id).Votes;
        await RoomTestClient.EventuallyAsync(() => Math.Max(joinedWith, late.Tallies.Where(t => t.PollId == poll.Id).Select(t => t.Version).DefaultIfEmpty().Max()) == 1
            && Math.Max(votesWith, late.VoteChanges.SelectMany(l => l).Where(v => v.Id == question.Id).Select(v => v.Votes).DefaultIfEmpty().Max()) == 1);
    }

    private sealed record ClosedPoll(PollView Poll, PollTally Tally);
}
