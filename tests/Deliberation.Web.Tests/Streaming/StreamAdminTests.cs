using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Deliberation.Core.Streaming;
using Deliberation.Web.Tests.Infrastructure;
using Deliberation.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Streaming;

/// <summary>The 直播 page of the back office: the key staff paste into OBS, its rotation, and the stream settings.</summary>
[Collection(HubCollection.Name)]
public class StreamAdminTests(HubFactory hub)
{
    private static string Key(IHtmlDocument page) => ((IHtmlInputElement)page.QuerySelector("#stream-key")!).Value;

    [Fact]
    public async Task Staff_SeeTheServerAndKey_AndRotatingRefusesTheOldKey()
    {
        var session = await LiveRooms.CreateAsync(hub);
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        var url = $"/Admin/Sessions/Stream/{session}";
        var page = await staff.Http.GetPageAsync(url);
        var key = Key(page);
        Assert.Matches("^[0-9a-f]{32}\\?k=[0-9a-f]{40}$", key);
        Assert.StartsWith("rtmp://", ((IHtmlInputElement)page.QuerySelector("#rtmp-url")!).Value);
        Assert.Equal(key, Key(await staff.Http.GetPageAsync(url))); // opening the page again keeps the key

        var rotated = await staff.Http.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Rotate");
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        var fresh = Key(await staff.Http.GetPageAsync(url));
        Assert.NotEqual(key, fresh);
        Assert.Equal(key[..32], fresh[..32]); // the publish name (HLS folder) stays

        var publish = (string k) => hub.CreateClient().PostAsync($"/api/stream/rtmp/publish?token={HubFactory.StreamCallbackToken}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = k[..32], ["k"] = k[35..] }));
        Assert.Equal(HttpStatusCode.Forbidden, (await publish(key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publish(fresh)).StatusCode);
        Assert.Contains("直播中", await (await staff.Http.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Settings_ValidateUrls_AndAnExternalSourceIsWhatViewersGet()
    {
        var session = await LiveRooms.CreateAsync(hub);
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        var url = $"/Admin/Sessions/Stream/{session}";
        Dictionary<string, string> Form(string source, string? external, string? backup = null, string? conference = null) => new()
        {
            ["Input.Source"] = source, ["Input.ExternalUrl"] = external ?? "", ["Input.BackupUrl"] = backup ?? "",
            ["Input.Access"] = nameof(StreamAccess.SignedIn), ["Input.ConferenceUrl"] = conference ?? "",
        };

        var missing = await staff.Http.PostFormAsync(url, Form("External", null), $"{url}?handler=Save");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("此项为必填项", await missing.Content.ReadAsStringAsync());
        var script = await staff.Http.PostFormAsync(url, Form("External", "javascript:alert(1)", conference: "ftp://x"), $"{url}?handler=Save");
        Assert.Contains("http:// 或 https://", await script.Content.ReadAsStringAsync());
        Assert.Equal(StreamSource.Local, await hub.WithDbAsync(db => db.SessionStreams.Where(s => s.ConsultationId == session).Select(s => s.Source).SingleAsync()));

        // An origin the pages' security policy does not admit would be blocked by every browser: refused, saying why.
        var foreign = await staff.Http.PostFormAsync(url, Form("External", "https://other.example.net/a.m3u8"), $"{url}?handler=Save");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("Streaming:MediaOrigins", await foreign.Content.ReadAsStringAsync());

        var saved = await staff.Http.PostFormAsync(url, Form("External", "https://live.example.org/a.m3u8", "https://cdn2.example.org:8443/a.m3u8", "https://meet.example.org/j/1"),
            $"{url}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stream = await hub.WithDbAsync(db => db.SessionStreams.AsNoTracking().SingleAsync(s => s.ConsultationId == session));
        Assert.Equal((StreamSource.External, StreamAccess.SignedIn), (stream.Source, stream.Access));
        Assert.True(await hub.WithDbAsync(db => db.RoomEvents.AnyAsync(e => e.ConsultationId == session && e.Type == Core.Rooms.RoomEventTypes.StreamChanged)));

        var info = await staff.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}/stream");
        var sources = info.GetProperty("sources");
        Assert.Equal("https://live.example.org/a.m3u8", sources[0].GetProperty("url").GetString());
        Assert.Equal("备用线路", sources[1].GetProperty("label").GetString());
        var csp = (await staff.Http.GetAsync($"/s/{session}/room")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self' https://live.example.org https://cdn2.example.org:8443", csp);
        Assert.Contains("media-src 'self' blob: https://live.example.org https://cdn2.example.org:8443", csp);
        Assert.Equal("https://meet.example.org/j/1", info.GetProperty("conferenceUrl").GetString());
        Assert.Equal("signin", (await hub.CreateClient().GetFromJsonAsync<JsonElement>($"/api/sessions/{session}/stream")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnotherBodysStaff_DoNotFindThePage()
    {
        var session = await LiveRooms.CreateAsync(hub);
        var county = await Person.SignedInAsync(hub, County.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await county.Http.GetAsync($"/Admin/Sessions/Stream/{session}")).StatusCode);
        Assert.False(await hub.WithDbAsync(db => db.SessionStreams.AnyAsync(s => s.ConsultationId == session)));
    }
}
