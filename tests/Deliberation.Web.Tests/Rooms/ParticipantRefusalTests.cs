using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>A refusal names its reason (the item, the limit), and an author follows their own comment through review.</summary>
[Collection(HubCollection.Name)]
public class ParticipantRefusalTests(HubFactory hub)
{
    private sealed record Posted(Guid Id, string Status, string? FlagReason);

    [Fact]
    public async Task AnswerPoll_Refusals_NameTheReason()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var multiple = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("最关心什么？", PollKind.Multiple, ["费用", "噪音", "采光"], 2, true, true));
        var rating = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("满意度", PollKind.Rating, [], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", multiple.Id);
        await moderator.InvokeAsync("OpenPoll", rating.Id);

        async Task<string> Refused(PollAnswerRequest r) =>
            (await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<bool>("AnswerPoll", r))).Message;
        Assert.EndsWith($"{RoomErrors.TooManyChoices}:2", await Refused(new PollAnswerRequest(multiple.Id, [0, 1, 2], null, null)));
        Assert.EndsWith(RoomErrors.ChoiceRequired, await Refused(new PollAnswerRequest(multiple.Id, [], null, null)));
        Assert.EndsWith(RoomErrors.RatingRequired, await Refused(new PollAnswerRequest(rating.Id, null, null, null)));
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(multiple.Id, [0, 2], null, null)));
        Assert.True(await member.InvokeAsync<bool>("AnswerPoll", new PollAnswerRequest(rating.Id, null, 4, null)));
    }

    [Fact]
    public async Task SubmitQuestionnaire_Refusals_NameTheItem()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var id = await moderator.InvokeAsync<Guid>("CreateQuestionnaire", new QuestionnaireDraft("意愿调查", null, true, null, null,
        [
            new QuestionnaireItem { Key = "", Text = "您住几楼？", Kind = QuestionnaireItemKind.Single, Options = ["低层", "高层"] },
            new QuestionnaireItem { Key = "", Text = "满意度", Kind = QuestionnaireItemKind.Rating, Required = true },
            new QuestionnaireItem { Key = "", Text = "其他建议", Kind = QuestionnaireItemKind.Text },
        ]));
        await moderator.InvokeAsync("OpenQuestionnaire", id);

        async Task<string> Refused(params QuestionnaireAnswer[] answers) =>
            (await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<bool>("SubmitQuestionnaire", new QuestionnaireSubmission(id, answers)))).Message;
        // The browser sends every item, empty ones too: an empty optional item is fine, an empty required one is named.
        Assert.EndsWith($"{RoomErrors.AnswerRequired}:q2", await Refused(
            new QuestionnaireAnswer { Key = "q1", Choices = [] }, new QuestionnaireAnswer { Key = "q2" }, new QuestionnaireAnswer { Key = "q3", Text = "" }));
        Assert.EndsWith($"{RoomErrors.ItemTooManyChoices}:q1.1", await Refused(
            new QuestionnaireAnswer { Key = "q1", Choices = [0, 1] }, new QuestionnaireAnswer { Key = "q2", Rating = 3 }));
        Assert.EndsWith($"{RoomErrors.ItemTooLong}:q3.2000", await Refused(
            new QuestionnaireAnswer { Key = "q2", Rating = 3 }, new QuestionnaireAnswer { Key = "q3", Text = new string('字', 2001) }));
        Assert.True(await member.InvokeAsync<bool>("SubmitQuestionnaire", new QuestionnaireSubmission(id,
            [new QuestionnaireAnswer { Key = "q1", Choices = [] }, new QuestionnaireAnswer { Key = "q2", Rating = 5 }, new QuestionnaireAnswer { Key = "q3", Text = "" }])));
    }

    [Fact]
    public async Task PendingComment_IsInItsAuthorsSnapshotOnly_AndItsReviewNamesTheComment()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var author = await Person.VisitorAsync(hub, room, "路人甲");
        await using var first = await author.JoinAsync(room);
        var posted = await first.InvokeAsync<Posted>("PostComment", "希望多听听低层住户的意见");
        Assert.Equal("Pending", posted.Status);

        await using var again = await author.JoinAsync(room);
        Assert.Contains(again.Joined.Snapshot!.MyPendingComments!, c => c.Id == posted.Id);
        await using var other = await (await Person.VisitorAsync(hub, room, "路人乙")).JoinAsync(room);
        Assert.Empty(other.Joined.Snapshot!.MyPendingComments!);

        await moderator.InvokeAsync("RejectComment", new ModerateRequest(posted.Id, "与议题无关"));
        await RoomTestClient.EventuallyAsync(() => again.Notices.Any(n => n.Code == "comment.rejected" && n.Detail == "与议题无关" && n.ItemId == posted.Id));
        await using var later = await author.JoinAsync(room);
        Assert.Empty(later.Joined.Snapshot!.MyPendingComments!);
    }
}
