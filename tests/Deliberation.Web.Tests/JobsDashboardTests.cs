using System.Net;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests;

[Collection(HubCollection.Name)]
public class JobsDashboardTests(HubFactory hub)
{
    [Fact]
    public async Task Dashboard_SendsAnonymousVisitorsToSignIn()
    {
        var response = await hub.Browser().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Dashboard_IsForbiddenToMembers()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsForbiddenToStaff_ForItShowsEveryBodysJobs()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_OpensForAdmins()
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Admin);
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deliberation jobs", await response.Content.ReadAsStringAsync());
    }
}
