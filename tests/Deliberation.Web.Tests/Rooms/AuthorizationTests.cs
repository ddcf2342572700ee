using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using System.Net;
using Deliberation.Testing;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

[Collection(HubCollection.Name)]
public class AuthorizationTests(HubFactory hub)
{
    public static TheoryData<string, object?[]> ModeratorMethods()
    {
        var id = Guid.NewGuid();
        return new TheoryData<string, object?[]>
        {
            { "ApproveComment", [id] },
            { "RejectComment", [new ModerateRequest(id, "x")] },
            { "HideComment", [new ModerateRequest(id, "x")] },
            { "PinComment", [id, true] },
            { "BlockParticipant", ["v:abc", "x"] },
            { "UnblockParticipant", ["v:abc"] },
            { "ApproveQuestion", [id] },
            { "MergeQuestions", [id, Guid.NewGuid()] },
            { "MarkAnswering", [id] },
            { "AnswerQuestion", [new AnswerRequest(id, "x", "y")] },
            { "HideQuestion", [id] },
            { "ReorderFloor", [new List<Guid> { id }] },
            { "GrantFloor", [id] },
            { "EndSpeech", [id] },
            { "DeclineFloor", [id] },
            { "CreatePoll", [new PollDraft("t", PollKind.Single, ["a", "b"], 1, true, true)] },
            { "OpenPoll", [id] },
            { "ClosePoll", [id] },
            { "CreateVote", [new VoteDraft("t", false, 50, 50)] },
            { "OpenVote", [id] },
            { "CloseVote", [id] },
            { "CreateQuestionnaire", [new QuestionnaireDraft("t", null, true, null, null, [])] },
            { "OpenQuestionnaire", [id] },
            { "CloseQuestionnaire", [id] },
            { "SetAgendaItem", [id] },
            { "Announce", ["公告"] },
            { "CheckIn", [id] },
            { "RecordOutcome", [new OutcomeRequest(OutcomeKind.Consensus, "共识", null, null)] },
            { "UpdateSettings", [new SettingsRequest(false, false, 5, 3, 0, [])] },
            { "ChangeStatus", [ConsultationStatus.Ended] },
            { "GetConsoleState", [] },
            { "GetMinutesProgress", [] },
        };
    }

    [Theory]
    [MemberData(nameof(ModeratorMethods))]
    public async Task APublicViewerCallingAModeratorMethod_GetsForbidden_AnAuditEntry_AndNothingChanges(string method, object?[] args)
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var visitor = await (await Person.VisitorAsync(hub, room, "越权者")).JoinAsync(room);
        var eventsBefore = await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room));

        var ex = await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeCoreAsync(method, typeof(object), args));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);

        var audit = await hub.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == room.ToString() && a.Action == "room.denied").ToListAsync());
        Assert.Single(audit);
        Assert.Equal("越权者", audit[0].ActorName);
        Assert.Equal(eventsBefore, await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room)));
        Assert.Equal(ConsultationStatus.Live, (await hub.WithDbAsync(db => db.Consultations.SingleAsync(c => c.Id == room))).Status);
    }

    [Fact]
    public async Task AMemberIsNotAModeratorEither()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var member = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(room);
        var ex = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync("Announce", "我来发公告"));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);
    }

    [Fact]
    public async Task ClosedSessions_TurnThePublicAway()
    {
        var room = await LiveRooms.CreateAsync(hub, PublicAccess.Closed);
        var anonymous = new Person(hub, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var ex = await Assert.ThrowsAsync<HubException>(() => anonymous.JoinAsync(room));
        Assert.Contains(RoomErrors.Forbidden, ex.Message);
    }
    [Fact]
    public async Task StaffOfAnotherBody_TakePartAsThePublic_AndCannotOpenItsConsoleOrMinutesProgress()
    {
        var otherBody = await hub.NewOtherOrgAsync();
        var room = await hub.WithDbAsync(async db => (await TestSessions.CreateAsync(db, otherBody, configure: c => c.Participants.Clear())).Id);
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        await using var client = await staff.JoinAsync(room);

        Assert.False(client.Joined.Me.CanModerate);
        Assert.Equal("Public", client.Joined.Me.Tier);
        foreach (var method in new[] { "GetConsoleState", "GetMinutesProgress" })
        {
            var ex = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeCoreAsync(method, typeof(object), []));
            Assert.Contains(RoomErrors.Forbidden, ex.Message);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync($"/s/{room}/console")).StatusCode);

        // In a session of their own body the same account moderates.
        var own = await LiveRooms.CreateAsync(hub);
        await using var ownClient = await staff.JoinAsync(own);
        Assert.True(ownClient.Joined.Me.CanModerate);
    }
}
