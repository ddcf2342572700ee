using System.Net;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class BallotTests(HubFactory hub)
{
    [Fact]
    public async Task PollResults_AreCoalesced_AndEndExact()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("资金怎么分摊？", PollKind.Single, ["按楼层", "平均", "政府补贴为主"], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", poll.Id);

        var voters = new List<RoomTestClient>();
        for (var i = 0; i < 12; i++) voters.Add(await (await Person.VisitorAsync(hub, room, $"投票人{i}")).JoinAsync(room));
        var started = DateTime.UtcNow;
        await Task.WhenAll(voters.Select((v, i) => v.InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, [i % 3], null, null))));
        await voters[0].InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(poll.Id, [1], null, null)); // re-answering replaces
        await RoomTestClient.EventuallyAsync(() => moderator.Tallies.Any(t => t.PollId == poll.Id && t.Respondents == 12 && t.Counts.SequenceEqual([3, 5, 4])));
        var seconds = Math.Max(1, (DateTime.UtcNow - started).TotalSeconds + 0.5);
        Assert.True(moderator.Tallies.Count <= Math.Ceiling(seconds * 4) + 1, $"{moderator.Tallies.Count} tallies in {seconds:F1}s");
        foreach (var v in voters) await v.DisposeAsync();
    }

    [Fact]
    public async Task FormalVote_CountsOnlyCheckedInVoters_OnceEvenWhenRetried_AndRecordsQuorum()
    {
        var room = await LiveRooms.CreateAsync(hub, extraVoters: 2); // 3 expected voters: the demo member + 2
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room); // joining checks in
        await using var department = await (await Person.SignedInAsync(hub, Demo.Department)).JoinAsync(room);
        var extra = await hub.WithDbAsync(db => db.Participants.FirstAsync(p => p.ConsultationId == room && p.DisplayName == "委员1"));
        await moderator.InvokeAsync<object>("CheckIn", extra.Id); // checked in by hand: 2 of 3 present

        var vote = await moderator.InvokeAsync<VoteView>("CreateVote", new VoteDraft("通过协商共识", false, 50, 50));
        await moderator.InvokeAsync("OpenVote", vote.Id);
        Assert.Equal("counted", await member.InvokeAsync<string>("CastVote", new BallotRequest(vote.Id, VoteChoice.For, "k-1")));
        Assert.Equal("duplicate", await member.InvokeAsync<string>("CastVote", new BallotRequest(vote.Id, VoteChoice.For, "k-1")));
        var again = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<string>("CastVote", new BallotRequest(vote.Id, VoteChoice.Against, "k-2")));
        Assert.Contains(RoomErrors.AlreadyAnswered, again.Message);
        var notVoter = await Assert.ThrowsAsync<HubException>(() => department.InvokeAsync<string>("CastVote", new BallotRequest(vote.Id, VoteChoice.For, "d-1")));
        Assert.Contains(RoomErrors.NotEligible, notVoter.Message);

        var result = await moderator.InvokeAsync<VoteView>("CloseVote", vote.Id);
        Assert.Equal((3, 2, 1, 0, 0), (result.Expected, result.Present, result.For!.Value, result.Against!.Value, result.Abstain!.Value));
        Assert.True(result.QuorumMet);
        Assert.False(result.Passed); // 1 for of 2 present is not more than half
        await RoomTestClient.EventuallyAsync(() => member.Events<VoteView>(RoomEventTypes.VoteClosed).Any(v => v.Id == vote.Id && v.QuorumMet == true));
    }

    [Fact]
    public async Task Questionnaire_AggregatesLive_AndExportsEveryResponse()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var id = await moderator.InvokeAsync<Guid>("CreateQuestionnaire", new QuestionnaireDraft("加装电梯意愿调查", null, true, null, null,
        [
            new QuestionnaireItem { Key = "", Text = "您住几楼？", Kind = QuestionnaireItemKind.Single, Options = ["1-2楼", "3-4楼", "5楼以上"], Required = true },
            new QuestionnaireItem { Key = "", Text = "满意度", Kind = QuestionnaireItemKind.Rating, Required = true },
            new QuestionnaireItem { Key = "", Text = "其他建议", Kind = QuestionnaireItemKind.Text },
        ]));
        await moderator.InvokeAsync("OpenQuestionnaire", id);
        for (var i = 0; i < 5; i++)
        {
            await using var v = await (await Person.VisitorAsync(hub, room, $"答卷人{i}")).JoinAsync(room);
            await v.InvokeAsync<bool>("SubmitQuestionnaire", new QuestionnaireSubmission(id,
                [new QuestionnaireAnswer { Key = "q1", Choices = [i % 3] }, new QuestionnaireAnswer { Key = "q2", Rating = 4 }, new QuestionnaireAnswer { Key = "q3", Text = $"建议{i}" }]));
            if (i == 0)
            {
                var missing = await Assert.ThrowsAsync<HubException>(() => v.InvokeAsync<bool>("SubmitQuestionnaire", new QuestionnaireSubmission(id, [])));
                Assert.Contains(RoomErrors.AnswerRequired + ":q1", missing.Message);
            }
        }
        var aggregate = await hub.WithDbAsync(db => new QuestionnaireQueries(db).AggregateAsync(id, CancellationToken.None));
        Assert.Equal(5, aggregate!.Responses);
        Assert.Equal([2, 2, 1], aggregate.Items[0].Counts);
        Assert.Equal(4.0, aggregate.Items[1].AverageRating);

        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        var csv = await staff.Http.GetStringAsync($"/api/questionnaires/{id}/responses.csv");
        Assert.True(6 == csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, csv);
        var xlsx = await staff.Http.GetStreamAsync($"/api/questionnaires/{id}/responses.xlsx");
        using var ms = new MemoryStream();
        await xlsx.CopyToAsync(ms);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(ms.ToArray()), false);
        var first = (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.Equal(6, first.Worksheet.Descendants<Row>().Count());

        var visitor = await Person.VisitorAsync(hub, room, "好奇的人");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Http.GetAsync($"/api/questionnaires/{id}/responses.csv")).StatusCode);
    }
}
