using System.Reflection;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Deliberation.Realtime.Rooms;
using Deliberation.Testing;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>
/// Every <see cref="RoomHub"/> method, called by the county's staff — who moderate their own body's rooms — with the
/// demo city's ids: each is refused and the city's room record does not change. Methods that take no id of
/// another room are called by the same account inside the city's room, where it is only the public.
/// </summary>
[Collection(HubCollection.Name)]
public class CrossOrgHubTests(HubFactory hub)
{
    /// <summary>The city's ids a call may name.</summary>
    public sealed record CityIds(Guid Room, Guid Comment, Guid Questionnaire, Guid Poll, Guid Vote, Guid Participant, Guid Department);

    /// <summary>Method → arguments naming the city's records (null: the method names no record; it is tried inside the city's room).</summary>
    private static readonly Dictionary<string, Func<CityIds, object?[]>?> Methods = new()
    {
        ["Join"] = null, ["Resume"] = null, ["PostComment"] = null, ["AskQuestion"] = null, ["RequestFloor"] = null,
        ["ReportComment"] = c => [c.Comment],
        ["UpvoteQuestion"] = c => [c.Comment],
        ["WithdrawFloor"] = c => [c.Comment],
        ["AnswerPoll"] = c => [new PollAnswerRequest(c.Poll, [0], null, null)],
        ["CastVote"] = c => [new BallotRequest(c.Vote, VoteChoice.For, Guid.NewGuid().ToString("N"))],
        ["SubmitQuestionnaire"] = c => [new QuestionnaireSubmission(c.Questionnaire, [])],
        ["ApproveComment"] = c => [c.Comment],
        ["RejectComment"] = c => [new ModerateRequest(c.Comment, "x")],
        ["HideComment"] = c => [new ModerateRequest(c.Comment, "x")],
        ["PinComment"] = c => [c.Comment, true],
        ["BlockParticipant"] = null, ["UnblockParticipant"] = null,
        ["ApproveQuestion"] = c => [c.Comment],
        ["MergeQuestions"] = c => [c.Comment, c.Comment],
        ["MarkAnswering"] = c => [c.Comment],
        ["AnswerQuestion"] = c => [new AnswerRequest(c.Comment, "x", "y")],
        ["HideQuestion"] = c => [c.Comment],
        ["ReorderFloor"] = c => [new List<Guid> { c.Comment }],
        ["GrantFloor"] = c => [c.Comment],
        ["EndSpeech"] = c => [c.Comment],
        ["DeclineFloor"] = c => [c.Comment],
        ["CreatePoll"] = null,
        ["OpenPoll"] = c => [c.Poll],
        ["ClosePoll"] = c => [c.Poll],
        ["CreateVote"] = null,
        ["OpenVote"] = c => [c.Vote],
        ["CloseVote"] = c => [c.Vote],
        ["CreateQuestionnaire"] = null,
        ["OpenQuestionnaire"] = c => [c.Questionnaire],
        ["CloseQuestionnaire"] = c => [c.Questionnaire],
        ["SetAgendaItem"] = c => [c.Comment],
        ["Announce"] = null,
        ["CheckIn"] = c => [c.Participant],
        ["RecordOutcome"] = c => [new OutcomeRequest(OutcomeKind.Recommendation, "跨机构", c.Department, null)],
        ["UpdateSettings"] = null, ["ChangeStatus"] = null, ["GetConsoleState"] = null, ["GetMinutesProgress"] = null,
    };

    /// <summary>Moderator methods without an id, and the arguments to try them with in the city's room.</summary>
    private static readonly Dictionary<string, object?[]> ModeratorWithoutId = new()
    {
        ["BlockParticipant"] = ["v:abc", "x"], ["UnblockParticipant"] = ["v:abc"],
        ["CreatePoll"] = [new PollDraft("t", PollKind.Single, ["a", "b"], 1, true, true)],
        ["CreateVote"] = [new VoteDraft("t", false, 50, 50)],
        ["CreateQuestionnaire"] = [new QuestionnaireDraft("t", null, true, null, null, [])],
        ["Announce"] = ["公告"], ["UpdateSettings"] = [new SettingsRequest(false, false, 5, 3, 0, [])],
        ["ChangeStatus"] = [ConsultationStatus.Ended], ["GetConsoleState"] = [], ["GetMinutesProgress"] = [],
    };

    [Fact]
    public void EveryHubMethod_HasACrossOrganisationTest()
    {
        var methods = typeof(RoomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose")).Select(m => m.Name).Distinct().ToList();
        var untested = methods.Where(m => !Methods.ContainsKey(m)).ToList();
        Assert.True(untested.Count == 0, "RoomHub methods without a cross-organisation test (add them to CrossOrgHubTests): " + string.Join(", ", untested));
        Assert.Empty(Methods.Keys.Except(methods));
    }

    public static TheoryData<string> MethodsNamingIds() => [.. Methods.Where(m => m.Value is not null).Select(m => m.Key)];

    [Theory]
    [MemberData(nameof(MethodsNamingIds))]
    public async Task CountyStaff_InTheirOwnRoom_CannotReachTheCitysRecords(string method)
    {
        var city = await CityRoomAsync();
        var countyRoom = await hub.WithDbAsync(async db =>
        {
            var county = await db.Organizations.Where(o => o.Name == County.Name).Select(o => o.Id).SingleAsync();
            return (await TestSessions.CreateAsync(db, county, configure: c => c.Participants.Clear())).Id;
        });
        await using var staff = await (await Person.SignedInAsync(hub, County.Staff)).JoinAsync(countyRoom);
        Assert.True(staff.Joined.Me.CanModerate); // their own body's room: they moderate it
        var before = await SnapshotAsync(city.Room);

        var call = staff.Connection.InvokeCoreAsync(method, typeof(object), Methods[method]!(city));
        // ReorderFloor orders only the caller's own room's queue and ignores ids it does not hold; every other call refuses.
        if (method == "ReorderFloor") await call;
        else await Assert.ThrowsAsync<HubException>(() => call);

        Assert.Equal(before, await SnapshotAsync(city.Room));
        Assert.Equal(0, await hub.WithDbAsync(db => db.RoomOutcomes.CountAsync(o => o.ConsultationId == countyRoom)));
    }

    public static TheoryData<string> ModeratorMethodsWithoutIds() => [.. ModeratorWithoutId.Keys];

    [Theory]
    [MemberData(nameof(ModeratorMethodsWithoutIds))]
    public async Task CountyStaff_InTheCitysRoom_AreThePublic_AndCannotModerate(string method)
    {
        var city = await CityRoomAsync();
        await using var staff = await (await Person.SignedInAsync(hub, County.Staff)).JoinAsync(city.Room);
        Assert.False(staff.Joined.Me.CanModerate);
        Assert.Equal("Public", staff.Joined.Me.Tier);
        var before = await SnapshotAsync(city.Room);
        var ex = await Assert.ThrowsAsync<HubException>(() => staff.Connection.InvokeCoreAsync(method, typeof(object), ModeratorWithoutId[method]));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);
        Assert.Equal(before, await SnapshotAsync(city.Room));
    }

    [Fact]
    public async Task JoiningAnotherBodysClosedRoom_IsRefused_AndPublicCallsActAsThePublic()
    {
        var org = await hub.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Staff.User).Select(u => u.OrganizationId!.Value).SingleAsync());
        var closed = await hub.WithDbAsync(async db => (await TestSessions.CreateAsync(db, org, PublicAccess.Closed)).Id);
        var staff = await Person.SignedInAsync(hub, County.Staff);
        Assert.Contains(RoomErrors.Forbidden, (await Assert.ThrowsAsync<HubException>(() => staff.JoinAsync(closed))).Message);

        // Public participation in an open room is everyone's: the county's staff comment there as the public.
        var city = await CityRoomAsync();
        await using var client = await staff.JoinAsync(city.Room);
        await client.InvokeAsync<object?>("PostComment", "来自区里的意见");
        await client.InvokeAsync<object?>("AskQuestion", "区里能参考吗？");
        await client.InvokeAsync<IReadOnlyList<RoomEventMessage>>("Resume", 0L);
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<object?>("RequestFloor", new FloorRequest(SpeechKind.Oral, "t", null)));
        var tiers = await hub.WithDbAsync(db => db.Comments.Where(c => c.ConsultationId == city.Room && c.Text == "来自区里的意见").Select(c => c.Tier).ToListAsync());
        Assert.Equal([ParticipantTier.Public], tiers);
    }

    private async Task<CityIds> CityRoomAsync()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(room);
        var poll = await moderator.InvokeAsync<PollView>("CreatePoll", new PollDraft("城市投票", PollKind.Single, ["a", "b"], 1, true, true));
        await moderator.InvokeAsync("OpenPoll", poll.Id);
        var vote = await moderator.InvokeAsync<VoteView>("CreateVote", new VoteDraft("城市表决", false, 50, 50));
        await moderator.InvokeAsync("OpenVote", vote.Id);
        var questionnaire = await moderator.InvokeAsync<Guid>("CreateQuestionnaire", new QuestionnaireDraft("城市问卷", null, true, null, null,
            [new QuestionnaireItem { Key = "q1", Text = "意见", Kind = QuestionnaireItemKind.Text }]));
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        await member.InvokeAsync<object?>("PostComment", "城市委员留言");
        return await hub.WithDbAsync(async db => new CityIds(room,
            await db.Comments.Where(c => c.ConsultationId == room).Select(c => c.Id).FirstAsync(), questionnaire, poll.Id, vote.Id,
            await db.Participants.Where(p => p.ConsultationId == room).Select(p => p.Id).FirstAsync(),
            await db.Departments.Where(d => d.Name == "市住房和城乡建设局" && db.Consultations.Any(c => c.Id == room && c.OrganizationId == d.OrganizationId))
                .Select(d => d.Id).SingleAsync()));
    }

    /// <summary>What a refused call must leave as it was: the room's events, comments, answers, check-ins and outcomes.</summary>
    private Task<string> SnapshotAsync(Guid room) => hub.WithDbAsync(async db => string.Join("/",
        await db.RoomEvents.CountAsync(e => e.ConsultationId == room),
        await db.Comments.CountAsync(c => c.ConsultationId == room && c.Status == CommentStatus.Approved && !c.Pinned),
        await db.PollAnswers.CountAsync(a => db.Polls.Any(p => p.Id == a.PollId && p.ConsultationId == room)),
        await db.QuestionnaireResponses.CountAsync(r => db.Questionnaires.Any(q => q.Id == r.QuestionnaireId && q.ConsultationId == room)),
        await db.Participants.CountAsync(p => p.ConsultationId == room && p.CheckedInAt != null),
        await db.RoomOutcomes.CountAsync(o => o.ConsultationId == room)));
}
