using System.Net;
using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Tenancy;
using Deliberation.Testing;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>Every page and API, asked by another body's accounts for the demo city's records (see <see cref="Routes"/>).</summary>
[Collection(HubCollection.Name)]
public class TenancyRouteTests(HubFactory hub)
{
    [Fact]
    public void EveryRoute_HasACrossOrganisationTest()
    {
        var all = Routes.All(hub.Services);
        var untested = all.Where(r => !Routes.Probes.ContainsKey(r) && !Routes.Lists.Contains(r) && !Routes.NoData.ContainsKey(r)).ToList();
        Assert.True(untested.Count == 0, "Routes without a cross-organisation test (add them to Tenancy/Routes.cs): " + string.Join(", ", untested));
        var stale = Routes.Probes.Keys.Concat(Routes.Lists).Where(r => !all.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Routes in Tenancy/Routes.cs that the app no longer maps: " + string.Join(", ", stale));
    }

    public static TheoryData<string> Outsiders() =>
        [County.Staff.User, County.Leader.User, County.Department.User, County.Member.User, County.Moderator.User, "no-org", "anonymous"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task AnotherBodysAccounts_GetNoneOfTheCitysRecordsById(string who)
    {
        var city = await CityRecord.CreateAsync(hub);
        var client = await ClientAsync(who);
        foreach (var (pattern, url) in Routes.Probes)
        {
            var response = await client.GetAsync(url(city));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Redirect,
                $"{who} GET {pattern}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(city.Secret, body);
        }
    }

    [Fact]
    public async Task TheCitysOwnStaff_ReachTheSameRecords_SoTheProbesAreReal()
    {
        var city = await CityRecord.CreateAsync(hub);
        var admin = hub.Browser();
        await admin.SignInAsync(Demo.Admin);
        foreach (var (pattern, url) in Routes.Probes.Where(p => p.Key.StartsWith("admin/", StringComparison.Ordinal) || p.Key.StartsWith("api/questionnaires", StringComparison.Ordinal)
                     || p.Key is "api/minutes/{id:guid}/full.{format}" or "api/minutes/{id:guid}/status" or "followup/attachments/{id:guid}" or "s/{id:guid}/console"
                     or "s/{id:guid}/replay" or "api/sessions/{id:guid}/replay/comments"
                     || p.Key.StartsWith("api/minutes/session", StringComparison.Ordinal)))
        {
            var response = await admin.GetAsync(url(city));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"city admin GET {pattern}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Lists_ShowOnlyTheCallersOwnBody(string who)
    {
        var city = await CityRecord.CreateAsync(hub);
        var client = await ClientAsync(who);
        foreach (var list in Routes.Lists)
        {
            var response = await client.GetAsync("/" + list);
            Assert.DoesNotContain(city.Secret, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task CountyStaff_SeeTheirOwnBodysReferenceData_NotTheCitys()
    {
        var staff = hub.Browser();
        await staff.SignInAsync(County.Staff.User, County.Staff.Password);
        var departments = await (await staff.GetAsync("/Admin/Departments")).Content.ReadAsStringAsync();
        Assert.Contains("区农业农村局", departments);
        Assert.DoesNotContain("市住房和城乡建设局", departments);
        var sessions = await (await staff.GetAsync("/Admin/Sessions")).Content.ReadAsStringAsync();
        Assert.Contains("临江区农村人居环境整治提升", sessions);
        Assert.DoesNotContain("老旧小区加装电梯", sessions);
    }

    [Fact]
    public async Task AnAccountWithoutABody_IsRefusedTheBackOffice_AndSeesNoItems()
    {
        var client = await ClientAsync("no-org");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Minutes/Template")).StatusCode);
        var leader = await (await client.GetAsync("/Workspace/Leader")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("推行涉企经营许可", leader);
    }

    [Fact]
    public async Task TheModeratorRoleAlone_ModeratesOnlySessionsItIsRegisteredFor()
    {
        var org = await hub.DemoOrgAsync();
        var notMine = await hub.WithDbAsync(async db => (await TestSessions.CreateAsync(db, org, configure: c => c.Participants.Clear())).Id);
        var mine = await LiveRooms.CreateAsync(hub);
        var moderator = await Person.SignedInAsync(hub, Demo.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.Http.GetAsync($"/s/{notMine}/console")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.Http.GetAsync($"/s/{mine}/console")).StatusCode);
        await using var there = await moderator.JoinAsync(notMine);
        Assert.False(there.Joined.Me.CanModerate);
        await using var here = await moderator.JoinAsync(mine);
        Assert.True(here.Joined.Me.CanModerate);
        // The body's staff moderate every session of their body.
        await using var staff = await (await Person.SignedInAsync(hub, Demo.Staff)).JoinAsync(notMine);
        Assert.True(staff.Joined.Me.CanModerate);
    }

    [Fact]
    public async Task ADepartment_SeesOnlyTheItemsItHandles()
    {
        var city = await CityRecord.CreateAsync(hub);
        var department = hub.Browser();
        await department.SignInAsync(Demo.Department);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/Workspace/Department/{city.Item}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/followup/attachments/{city.Attachment}")).StatusCode);
        var inbox = await (await department.GetAsync("/Workspace/Department")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(city.Secret, inbox);
    }

    [Fact]
    public async Task PublicPages_ShowEveryBodysPublishedRecord_ToAnyone()
    {
        var visitor = hub.Browser();
        var county = await hub.WithDbAsync(db => Task.FromResult(db.PublishedSessions().Where(c => c.Title == "临江区义务教育学校课后服务").Select(c => c.Id).Single()));
        var minutes = await (await visitor.GetAsync($"/minutes/{county}")).Content.ReadAsStringAsync();
        Assert.Contains("统筹乡村少年宫", minutes);
        Assert.DoesNotContain("内部掌握", minutes);
        var board = await (await visitor.GetAsync("/progress")).Content.ReadAsStringAsync();
        Assert.Contains("课后服务引入乡村少年宫资源", board);
        Assert.Contains("推行涉企经营许可", board);
        Assert.DoesNotContain("农村学校课后服务经费保障", board); // the county's non-public item
    }

    private async Task<HttpClient> ClientAsync(string who)
    {
        var client = hub.Browser();
        if (who == "anonymous") return client;
        if (who == "no-org")
        {
            var name = AdminData.Unique("noorg");
            await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = "无单位账号", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "NoOrg#2026hub")).Succeeded);
            await users.AddToRolesAsync(user, [Roles.Staff, Roles.Leader, Roles.Moderator, Roles.Department]);
            await client.SignInAsync(name, "NoOrg#2026hub");
            return client;
        }
        var account = new[] { County.Staff, County.Leader, County.Department, County.Member, County.Moderator }.Single(a => a.User == who);
        await client.SignInAsync(account.User, account.Password);
        return client;
    }
}
