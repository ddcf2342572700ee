using System.Net;
using Deliberation.Core.Minutes;
using Deliberation.Realtime.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Deliberation.Web.Tests.Tenancy;

namespace Deliberation.Web.Tests.Minutes;

[Collection(HubCollection.Name)]
public class MinutesHubTests(HubFactory hub)
{
    private async Task<string> AuthCookieAsync((string User, string Password) account)
    {
        var client = hub.Browser();
        var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = account.User,
            ["Input.Password"] = account.Password,
        });
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith(".dlb.auth")));
    }

    private HubConnection Connect(string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(hub.Server.BaseAddress, "/hubs/minutes"), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => hub.Server.CreateHandler();
            if (cookie is not null) o.Headers["Cookie"] = cookie;
        })
        .Build();

    [Fact]
    public async Task Staff_WatchingMinutes_HearTheCompileProgressToTheEnd()
    {
        var f = await hub.CreateFixtureAsync(0x701);
        var minutesId = await hub.CreateCompiledMinutesAsync(f);
        await using var connection = Connect(await AuthCookieAsync(await hub.StaffOfAsync(f.OrganizationId)));
        var heard = new List<MinutesCompileStatus>();
        var done = new TaskCompletionSource();
        connection.On<MinutesCompileStatus>("CompileProgressed", s =>
        {
            lock (heard) heard.Add(s);
            if (s.State == nameof(CompileState.Succeeded)) done.TrySetResult();
        });
        await connection.StartAsync();
        var now = await connection.InvokeAsync<MinutesCompileStatus>("Watch", minutesId);
        Assert.Equal(nameof(CompileState.Succeeded), now.State);
        Assert.Equal(1, now.VersionNo);

        var staff = hub.Browser();
        await staff.SignInAsync(await hub.StaffOfAsync(f.OrganizationId));
        var response = await staff.PostFormAsync($"/Admin/Minutes/View/{minutesId}", new Dictionary<string, string>(), $"/Admin/Minutes/View/{minutesId}?handler=Compile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        lock (heard)
        {
            Assert.Equal(nameof(CompileState.Queued), heard[0].State);
            Assert.Contains(heard, s => s.State == nameof(CompileState.Running));
            Assert.Equal(100, heard[^1].Percent);
        }
    }

    [Fact]
    public async Task Hub_RefusesAnonymousVisitorsAndMembers()
    {
        await using var anonymous = Connect(null);
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        await using var member = Connect(await AuthCookieAsync(Demo.Member));
        await Assert.ThrowsAnyAsync<Exception>(() => member.StartAsync());
    }

    [Fact]
    public async Task DraftPage_ShowsAFailureClearly_WithTheRetryState()
    {
        var f = await hub.CreateFixtureAsync(0x702);
        var minutesId = await hub.CreateCompiledMinutesAsync(f);
        var staff = hub.Browser();
        await staff.SignInAsync(await hub.StaffOfAsync(f.OrganizationId));

        await hub.WithDbAsync(db => db.MinutesDocuments.Where(m => m.Id == minutesId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.CompileState, CompileState.Retrying).SetProperty(m => m.CompileAttempts, 1).SetProperty(m => m.CompileError, "数据库连接超时")));
        var retrying = Forms.Parse(await staff.GetStringAsync($"/Admin/Minutes/View/{minutesId}"));
        Assert.Contains("编纂失败，系统将自动重试（第1次，共3次）", retrying.QuerySelector("#minutes-progress [data-role=text]")!.TextContent);
        Assert.Contains("数据库连接超时", retrying.QuerySelector("#minutes-progress [data-role=error]")!.TextContent);

        await hub.WithDbAsync(db => db.MinutesDocuments.Where(m => m.Id == minutesId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.CompileState, CompileState.Failed).SetProperty(m => m.CompileAttempts, 3)));
        var failed = Forms.Parse(await staff.GetStringAsync($"/Admin/Minutes/View/{minutesId}"));
        Assert.Contains("编纂失败（已尝试3次）", failed.QuerySelector("#minutes-progress [data-role=text]")!.TextContent);
        Assert.NotNull(failed.QuerySelector("button[formaction*=Compile], button[formaction*=compile]"));
    }
}
