using System.Text.RegularExpressions;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Logging;

namespace Deliberation.Web.Tests.BadInput;

/// <summary>Expected refusals are one line without a stack trace; a real fault is an error carrying the id the caller sees.</summary>
[Collection(BadInputCollection.Name)]
public class RefusalLoggingTests(BadInputFactory hub)
{
    [Fact]
    public async Task ExpectedRefusals_WriteNoErrorAndNoStackTrace()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PublicCommentIntervalSeconds = 30);
        var visitor = await Person.VisitorAsync(hub, room, "路人");
        await using var client = await RawHubClient.ConnectAsync(hub, visitor);
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);
        var mark = hub.Logs.Count;

        Assert.EndsWith($"{RoomErrors.TooLong}:{RoomText.CommentMax}", (await client.InvokeAsync("PostComment", $"[\"{new string('字', 501)}\"]")).Error);
        Assert.Null((await client.InvokeAsync("PostComment", "[\"第一条\"]")).Error);
        Assert.Matches($"{Regex.Escape(RoomErrors.RateLimited)}(:\\d+)?$", (await client.InvokeAsync("PostComment", "[\"第二条\"]")).Error);
        Assert.EndsWith(RoomErrors.InvalidText, (await client.InvokeAsync("PostComment", "[\"a\\u0000b\"]")).Error);
        Assert.EndsWith(RoomErrors.BadRequest, (await client.InvokeAsync("PostComment", "[1, 2]")).Error);
        Assert.Contains($"HubException: {RoomErrors.Forbidden}", (await client.InvokeAsync("Announce", "[\"越权\"]")).Error);
        var anonymous = new Person(hub, new CookieContainerHandler()).Http;
        await anonymous.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" }));
        await anonymous.GetAsync("/join?code=%00");

        Assert.Empty(hub.ErrorsOrTracesSince(mark));
        var lines = hub.Logs.GetSnapshot().Skip(mark).Select(r => r.Message).ToList();
        Assert.Contains(lines, m => m.Contains("PostComment refused: room.invalid_text"));
        Assert.Contains(lines, m => m.Contains("PostComment refused before binding: room.bad_request"));
        Assert.Contains(lines, m => m.Contains("/culture as malformed"));
        Assert.Contains(lines, m => m.Contains("/join: field code"));
    }

    [Fact]
    public async Task ARealFault_IsAnErrorWithTheCorrelationIdTheCallerIsGiven()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var member = await Person.SignedInAsync(hub, Demo.Member);
        await using var client = await RawHubClient.ConnectAsync(hub, member);
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);
        var mark = hub.Logs.Count;

        var error = (await client.InvokeAsync("Resume", "[-42]")).Error;

        var id = Assert.Single(Regex.Matches(error!, $@"{Regex.Escape(RoomErrors.ServerError)}:([0-9a-f]{{32}})$")).Groups[1].Value;
        var logged = Assert.Single(hub.ErrorsOrTracesSince(mark));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(id, logged.Message);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }
}
