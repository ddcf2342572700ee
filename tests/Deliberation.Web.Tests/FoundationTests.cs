using System.Net;
using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests;

[Collection(HubCollection.Name)]
public class FoundationTests(HubFactory hub)
{
    [Fact]
    public async Task Home_ShowsTheUpcomingDemoSessionInChinese()
    {
        var page = await hub.Browser().GetPageAsync("/");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("即将举行", page.Body!.TextContent);
        Assert.Contains("老旧小区加装电梯", page.Body.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_ServesEnglishAfterwards()
    {
        var client = hub.Browser();
        var response = await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Upcoming", page.Body!.TextContent);
        Assert.Contains("Online consultation", page.Body.TextContent);
    }

    [Fact]
    public async Task SessionPage_ShowsAgendaRoomCodeAndQrCode()
    {
        var demo = await hub.WithDbAsync(db => db.Consultations.Include(c => c.Agenda).FirstAsync(c => c.Agenda.Count > 0));
        var page = await hub.Browser().GetPageAsync($"/s/{demo.Id}");
        Assert.Contains(demo.RoomCode, page.QuerySelector(".room-code")!.TextContent);
        Assert.Equal(demo.Agenda.Count, page.QuerySelectorAll(".agenda li").Length);
        var qr = await hub.Browser().GetAsync($"/s/{demo.Id}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RoomCode_LeadsIntoTheRoom_AndAWrongCodeExplainsItself()
    {
        var demo = await hub.WithDbAsync(db => db.Consultations.FirstAsync(c => c.Status == ConsultationStatus.Scheduled));
        var found = await hub.Browser().GetAsync($"/join?code={demo.RoomCode}");
        Assert.Equal($"/s/{demo.Id}/room", found.Headers.Location!.OriginalString);
        var spaced = await hub.Browser().GetAsync($"/join?code={demo.RoomCode[..3]}%20{demo.RoomCode[3..]}");
        Assert.Equal($"/s/{demo.Id}/room", spaced.Headers.Location!.OriginalString);
        var wrong = await hub.Browser().GetPageAsync("/join?code=12ab");
        Assert.Contains("房间码是6位数字", wrong.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithTheDemoModerator_ShowsTheirName()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Moderator);
        var page = await client.GetPageAsync("/");
        Assert.Contains("林振华", page.QuerySelector(".nav-user")!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInChinese()
    {
        var response = await hub.Browser().PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = "moderator-typo", ["Input.Password"] = "wrong-password",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount()
    {
        var name = $"lock{Guid.NewGuid():N}"[..12];
        await using (var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = name, DisplayName = name }, "Correct#2026pw")).Succeeded);
        }
        var client = hub.Browser();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.UserName"] = name, ["Input.Password"] = "bad-password" });
        }
        var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.UserName"] = name, ["Input.Password"] = "Correct#2026pw" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已暂时锁定", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostingAFormWithoutTheAntiforgeryToken_IsRefused()
    {
        var response = await hub.Browser().PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin", ["Input.Password"] = "Admin#2026hub",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_GetsTheFriendly404Page()
    {
        var response = await hub.Browser().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_IsLiveAndReadyOnAMigratedDatabase()
    {
        var client = hub.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cookies_AreHttpOnly()
    {
        var client = hub.Browser();
        var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = Demo.Staff.User, ["Input.Password"] = Demo.Staff.Password,
        });
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".dlb.auth=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }
}
