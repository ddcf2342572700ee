using System.Net;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Security;

/// <summary>CORS does not cover WebSockets: the hub itself refuses pages of other sites (cross-site WebSocket hijacking).</summary>
[Collection(SecurityCollection.Name)]
public class HubOriginTests(SecurityFactory hub)
{
    [Theory]
    [InlineData("http://localhost")] // the hub's own pages
    [InlineData(SecurityFactory.PartnerOrigin)] // Security:AllowedOrigins
    [InlineData(null)] // not a browser (the .NET client, the bench)
    public async Task AllowedOrigins_OpenTheHub(string? origin)
    {
        var room = await LiveRooms.CreateAsync(hub);
        var visitor = new Client(hub);
        await visitor.TakeVisitorIdentityAsync(room, "本站");
        await using var connection = await visitor.ConnectAsync(origin);
        await Client.JoinAsync(connection, room);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("https://localhost")] // another scheme is another origin
    public async Task AForeignOrigin_IsRefusedAtTheHandshake(string origin)
    {
        var visitor = new Client(hub);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => visitor.ConnectAsync(origin));
        Assert.Contains("403", ex.ToString());
    }

    [Fact]
    public async Task LongPolling_ChecksTheOriginToo()
    {
        var client = new Client(hub);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/hubs/room/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.SendAsync(foreign)).StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/room/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(own)).StatusCode);
    }
}
