using System.Net;
using System.Text.Json;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Security;

[Collection(SecurityCollection.Name)]
public class RateLimitTests(SecurityFactory hub)
{
    [Fact]
    public async Task VisitorIdentities_AreThrottledPerAddress_With429RetryAfterAndALocalisedPage()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var address = SecurityFactory.NewAddress();
        for (var i = 0; i < SecurityFactory.VisitorIdentities; i++)
        {
            // A fresh cookie jar each time: what a visitor rotating cookies does.
            Assert.Equal(HttpStatusCode.Redirect, (await new Client(hub, address).TakeVisitorIdentityAsync(room, $"轮换{i}")).StatusCode);
        }
        var refused = await new Client(hub, address).TakeVisitorIdentityAsync(room, "再来一个");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Contains("操作太频繁", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".dlb.visitor")));

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await new Client(hub).TakeVisitorIdentityAsync(room, "邻居")).StatusCode);
    }

    [Fact]
    public async Task SignInPosts_AreThrottledPerAddress_TheFormItselfIsNot()
    {
        var client = new Client(hub);
        var form = new Dictionary<string, string> { ["Input.UserName"] = $"nobody-{Guid.NewGuid():N}", ["Input.Password"] = "wrong-password" };
        for (var i = 0; i < SecurityFactory.SignIns; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.PostFormAsync("/Account/SignIn", form)).StatusCode);
        }
        // PostFormAsync reads the form first (a GET, never limited), then posts.
        var refused = await client.Http.PostFormAsync("/Account/SignIn", form);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Downloads_AreThrottled_WithALocalisedProblem()
    {
        var client = new Client(hub);
        for (var i = 0; i < SecurityFactory.Downloads; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/minutes/{Guid.NewGuid()}/public.pdf")).StatusCode);
        }
        var refused = await client.Http.GetAsync($"/api/minutes/{Guid.NewGuid()}/public.docx");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("您的操作太频繁，请稍等片刻再试。", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task QuestionnaireSubmissions_AreThrottled()
    {
        var client = new Client(hub);
        var url = $"/q/{Guid.NewGuid()}";
        for (var i = 0; i < SecurityFactory.Submissions; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.Http.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.Http.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        // Reading the questionnaire is not limited.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RotatingVisitorCookies_DoesNotGetAroundThePublicPostingInterval()
    {
        var room = await LiveRooms.CreateAsync(hub, configure: c => c.Room.PublicCommentIntervalSeconds = 60);
        var address = SecurityFactory.NewAddress();
        var posted = 0;
        var refused = 0;
        for (var i = 0; i < 3; i++)
        {
            var visitor = new Client(hub, address);
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.TakeVisitorIdentityAsync(room, $"刷屏{i}")).StatusCode);
            await using var connection = await visitor.ConnectAsync();
            await Client.JoinAsync(connection, room);
            try
            {
                await connection.InvokeAsync<JsonElement>("PostComment", $"第{i}条");
                posted++;
            }
            catch (HubException ex) when (ex.Message.Contains(RoomErrors.RateLimited))
            {
                refused++;
            }
        }
        Assert.Equal((1, 2), (posted, refused));
        Assert.Equal(1, await hub.WithDbAsync(db => db.Comments.CountAsync(c => c.ConsultationId == room)));

        // A visitor elsewhere still posts.
        var neighbour = new Client(hub);
        await neighbour.TakeVisitorIdentityAsync(room, "邻居");
        await using var other = await neighbour.ConnectAsync();
        await Client.JoinAsync(other, room);
        await other.InvokeAsync<JsonElement>("PostComment", "我也说一句");
    }

    [Fact]
    public async Task ForwardedFor_IsBelievedOnlyFromTheConfiguredProxy()
    {
        var room = await LiveRooms.CreateAsync(hub);
        // Not a proxy: its X-Forwarded-For is ignored, so every "client" it claims shares its one budget.
        var direct = SecurityFactory.NewAddress();
        for (var i = 0; i < SecurityFactory.VisitorIdentities; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Forwarded(direct, SecurityFactory.NewAddress()).TakeVisitorIdentityAsync(room, $"伪造{i}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forwarded(direct, SecurityFactory.NewAddress()).TakeVisitorIdentityAsync(room, "伪造")).StatusCode);

        // The configured proxy: each forwarded client has its own budget.
        var behindProxy = SecurityFactory.NewAddress();
        for (var i = 0; i < SecurityFactory.VisitorIdentities; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Forwarded(SecurityFactory.Proxy, behindProxy).TakeVisitorIdentityAsync(room, $"代理{i}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forwarded(SecurityFactory.Proxy, behindProxy).TakeVisitorIdentityAsync(room, "代理")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forwarded(SecurityFactory.Proxy, SecurityFactory.NewAddress()).TakeVisitorIdentityAsync(room, "另一位")).StatusCode);
    }

    private Client Forwarded(string socket, string claimed)
    {
        var client = new Client(hub, socket);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", claimed);
        return client;
    }
}
