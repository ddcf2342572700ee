using System.Net;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Security;

/// <summary>Every response carries the security headers; the CSP allows no inline script or style and no framing.</summary>
[Collection(SecurityCollection.Name)]
public class SecurityHeaderTests(SecurityFactory hub)
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var anonymous = new Client(hub);
        var staff = new Client(hub);
        await staff.Http.SignInAsync(Demo.Staff);
        var pages = new (Client Who, string Url)[]
        {
            (anonymous, "/"), (anonymous, "/Account/SignIn"), (anonymous, "/progress"), (anonymous, $"/s/{room}"),
            (anonymous, $"/s/{room}/room"), (anonymous, $"/join?code=000000"), (anonymous, "/Error/404"), (anonymous, "/no-such-page"),
            (anonymous, "/css/site.css"), (anonymous, "/js/bigtext.js"), (anonymous, $"/s/{room}/qr.svg"), (anonymous, "/api/consultations"),
            (anonymous, "/health/live"), (anonymous, "/Admin"), (staff, "/Admin"), (staff, "/Admin/Sessions"), (staff, $"/s/{room}/console"),
            (staff, $"/s/{room}/screen"), (staff, "/Admin/Minutes"), (staff, "/Workspace"),
        };
        foreach (var (who, url) in pages)
        {
            var response = await who.Http.GetAsync(url);
            var because = $"{url} ({(int)response.StatusCode})";
            var csp = Header(response, "Content-Security-Policy") ?? throw new Xunit.Sdk.XunitException($"no CSP on {because}");
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("style-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.Contains("media-src 'self' blob:", csp); // hls.js plays through Media Source Extensions (a blob: URL); other origins only when configured (Streaming:MediaOrigins)
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        }
    }

    [Fact]
    public async Task TheJobsDashboard_HasItsOwnPolicy_InlineStylesOnly()
    {
        var admin = new Client(hub);
        await admin.Http.SignInAsync(Demo.Admin);
        var response = await admin.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy")!;
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task AnUnknownHost_IsRefused()
    {
        var client = new Client(hub);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.SendAsync(request)).StatusCode);
    }

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) || r.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null;
}
