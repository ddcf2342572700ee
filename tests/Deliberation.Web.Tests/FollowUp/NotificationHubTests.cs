using System.Net;
using Deliberation.Realtime.Notifications;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class NotificationHubTests(FollowUpFactory hub)
{
    private readonly FollowUpScenario _s = new(hub);

    private async Task<HubConnection> ConnectAsync((string User, string Password) account)
    {
        var cookies = new CookieContainer();
        var client = hub.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        await client.SignInAsync(account);
        return new HubConnectionBuilder()
            .WithUrl("http://localhost" + NotificationRealtime.Path, o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = hub.Server.CreateHandler() };
            })
            .Build();
    }

    [Fact]
    public async Task FollowUp_Bell_GetsALivePush_WhenAnItemIsAssignedToTheDepartment()
    {
        await using var connection = await ConnectAsync(Demo.Department);
        var counts = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pings = new TaskCompletionSource<NotificationPing>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<int>(nameof(INotificationClient.UnreadCountChanged), n => counts.TrySetResult(n));
        connection.On<NotificationPing>(nameof(INotificationClient.NotificationReceived), p => pings.TrySetResult(p));
        await connection.StartAsync();
        var before = await counts.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await _s.AssignedAsync(FollowUpScenario.Unique("实时通知"));
        var ping = await pings.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("followup.assigned", ping.Kind);
        Assert.Equal(before + 1, ping.Unread);

        await connection.InvokeAsync(nameof(NotificationHub.MarkAllRead));
        var member = hub.Browser();
        await member.SignInAsync(Demo.Department);
        var bell = (await member.GetPageAsync("/")).QuerySelector("[data-bell] [data-unread]")!;
        Assert.True(bell.HasAttribute("hidden"));
    }

    [Fact]
    public async Task FollowUp_NotificationHub_RefusesAnonymousConnections()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl("http://localhost" + NotificationRealtime.Path, o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => hub.Server.CreateHandler();
            })
            .Build();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
