using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// Each participant request exactly as the browser's room page builds it (plain JSON objects, not the C# records:
/// nulls and empty arrays where the page leaves a field unused) is accepted and counted as meant.
/// </summary>
[Collection(HubCollection.Name)]
public class BrowserRequestTests(HubFactory hub)
{
    [Fact]
    public async Task PollAnswers_OfEveryKind_AsTheBrowserSendsThem_AreCounted()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        async Task<Guid> OpenAsync(PollKind kind, string[] options, int max = 1)
        {
            var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft($"{kind}？", kind, options, max, true, true));
            await moderator.InvokeAsync("OpenPoll", poll.Id);
            return poll.Id;
        }
        var single = await OpenAsync(PollKind.Single, ["甲", "乙", "丙"]);
        var multiple = await OpenAsync(PollKind.Multiple, ["甲", "乙", "丙"], 2);
        var rating = await OpenAsync(PollKind.Rating, []);
        var cloud = await OpenAsync(PollKind.WordCloud, []);

        // room.ts pollForm: choices from the checked inputs (null for a rating), rating from the checked star, text from the word box.
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new { pollId = single, choices = new[] { 1 }, rating = (int?)null, text = (string?)null }));
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new { pollId = multiple, choices = new[] { 0, 2 }, rating = (int?)null, text = (string?)null }));
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new { pollId = rating, choices = (int[]?)null, rating = 4, text = (string?)null }));
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new { pollId = cloud, choices = Array.Empty<int>(), rating = (int?)null, text = "电梯" }));

        var answers = await hub.WithDbAsync(db => db.PollAnswers.Where(a => new[] { single, multiple, rating, cloud }.Contains(a.PollId)).ToListAsync());
        Assert.Equal([1], answers.Single(a => a.PollId == single).Choices);
        Assert.Equal([0, 2], answers.Single(a => a.PollId == multiple).Choices);
        Assert.Equal(4, answers.Single(a => a.PollId == rating).Rating);
        Assert.Equal("电梯", answers.Single(a => a.PollId == cloud).Text);
    }

    [Fact]
    public async Task ABallot_AsTheBrowserSendsIt_IsCountedOnce()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var vote = await moderator.InvokeAsync<VoteView>("CreateVote", new VoteDraft("表决", true, 50, 50));
        await moderator.InvokeAsync("OpenVote", vote.Id);

        // room.ts: four random 32-bit numbers in base 36 joined by "-" (at most 64 characters).
        const string key = "1z141z3-kf12oi-3q8p1a-1n5fq2d";
        var ballot = new { voteId = vote.Id, choice = "For", idempotencyKey = key };
        Assert.Equal("counted", await member.InvokeAsync<string>("CastVote", ballot));
        Assert.Equal("duplicate", await member.InvokeAsync<string>("CastVote", ballot)); // the page's one retry
        var closed = await moderator.InvokeAsync<VoteView>("CloseVote", vote.Id);
        Assert.Equal(1, closed.For);
    }

    [Fact]
    public async Task AQuestionnaireResponse_AsTheBrowserSendsIt_IsRecordedForEveryItemKind()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var id = await moderator.InvokeAsync<Guid>("CreateQuestionnaire", new QuestionnaireDraft("意见征集", null, false, null, null,
        [
            new QuestionnaireItem { Key = "", Text = "楼层", Kind = QuestionnaireItemKind.Single, Options = ["低", "高"], Required = true },
            new QuestionnaireItem { Key = "", Text = "关心的事", Kind = QuestionnaireItemKind.Multiple, Options = ["费用", "工期", "噪音"], Required = true },
            new QuestionnaireItem { Key = "", Text = "满意度", Kind = QuestionnaireItemKind.Rating, Required = true },
            new QuestionnaireItem { Key = "", Text = "建议", Kind = QuestionnaireItemKind.Text, Required = true },
        ]));
        await moderator.InvokeAsync("OpenQuestionnaire", id);
        await RoomTestClient.EventuallyAsync(() => member.Events<QuestionnaireView>(RoomEventTypes.QuestionnaireOpened).Any(q => q.Id == id));
        var items = member.Events<QuestionnaireView>(RoomEventTypes.QuestionnaireOpened).Single(q => q.Id == id).Items;

        // room.ts renderQuestionnaire: every item gets choices (empty unless checked), rating (rating items) and text (text items).
        object Answer(QuestionnaireItem it) => it.Kind switch
        {
            QuestionnaireItemKind.Single => new { key = it.Key, choices = new[] { 1 }, rating = (int?)null, text = (string?)null },
            QuestionnaireItemKind.Multiple => new { key = it.Key, choices = new[] { 0, 2 }, rating = (int?)null, text = (string?)null },
            QuestionnaireItemKind.Rating => new { key = it.Key, choices = Array.Empty<int>(), rating = (int?)4, text = (string?)null },
            _ => new { key = it.Key, choices = Array.Empty<int>(), rating = (int?)null, text = (string?)"分批施工" },
        };
        Assert.True(await member.InvokeAsync<bool>("SubmitQuestionnaire", new { questionnaireId = id, answers = items.Select(Answer).ToArray() }));
        Assert.Equal(1, await hub.WithDbAsync(db => db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == id)));
    }

    [Fact]
    public async Task FloorRequests_AsTheBrowserSendsThem_QueueOralAndWrittenSpeeches()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await using var department = await (await Person.SignedInAsync(hub, Demo.Department)).JoinAsync(room);

        // room.ts renderFloor: kind from the select, topic or null, text only for a written statement.
        var oral = await member.InvokeAsync<Guid>("RequestFloor", new { kind = "Oral", topic = "资金", text = (string?)null });
        var written = await department.InvokeAsync<Guid>("RequestFloor", new { kind = "Written", topic = (string?)null, text = "书面发言全文" });
        await member.InvokeAsync("WithdrawFloor", oral);
        var speeches = await hub.WithDbAsync(db => db.Speeches.Where(s => s.ConsultationId == room).ToListAsync());
        Assert.Equal(SpeechStatus.Withdrawn, speeches.Single(s => s.Id == oral).Status);
        Assert.Equal((SpeechKind.Written, "书面发言全文"), (speeches.Single(s => s.Id == written).Kind, speeches.Single(s => s.Id == written).Text));
    }
}
