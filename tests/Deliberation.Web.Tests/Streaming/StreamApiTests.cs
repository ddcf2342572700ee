using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Tests.Infrastructure;
using Deliberation.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Streaming;

/// <summary>
/// The 直播 server side (issue 12): nginx-rtmp's publish callbacks with right, wrong, expired and rotated keys, the
/// state they move, racing publishes, the session's end, recordings, the signed media URLs and who may watch.
/// </summary>
[Collection(HubCollection.Name)]
public class StreamApiTests(HubFactory hub)
{
    private sealed record TestStream(Guid Session, string Name, string Secret);

    private async Task<TestStream> StreamAsync(bool live = true, PublicAccess access = PublicAccess.Interact, Action<SessionStream>? set = null)
    {
        var id = await LiveRooms.CreateAsync(hub, access, live: live);
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var stream = await scope.ServiceProvider.GetRequiredService<StreamCommands>().EnsureAsync(id, Actor.System);
        if (set is not null)
        {
            set(stream);
            await scope.ServiceProvider.GetRequiredService<Core.Persistence.HubDbContext>().SaveChangesAsync();
        }
        return new TestStream(id, stream.PublishName, stream.StreamSecret);
    }

    private Task<HttpResponseMessage> CallbackAsync(string what, string name, string? key = null, string token = HubFactory.StreamCallbackToken, string? path = null)
    {
        var form = new Dictionary<string, string> { ["call"] = what.Replace("-", "_"), ["app"] = "live", ["name"] = name, ["type"] = "live", ["addr"] = "127.0.0.1" };
        if (key is not null) form["k"] = key;
        if (path is not null) form["path"] = path;
        return hub.CreateClient().PostAsync($"/api/stream/rtmp/{what}?token={Uri.EscapeDataString(token)}", new FormUrlEncodedContent(form));
    }

    private Task<SessionStream> RowAsync(Guid id) => hub.WithDbAsync(db => db.SessionStreams.AsNoTracking().SingleAsync(s => s.ConsultationId == id));

    private Task<List<string>> StreamEventsAsync(Guid id) => hub.WithDbAsync(db => db.RoomEvents.Where(e => e.ConsultationId == id && e.Type == RoomEventTypes.StreamChanged)
        .OrderBy(e => e.Seq).Select(e => e.Payload).ToListAsync());

    private static async Task<JsonElement> InfoAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/sessions/{id}/stream");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task EndSessionAsync(Guid id)
    {
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        await scope.ServiceProvider.GetRequiredService<ConsultationCommands>().ChangeStatusAsync(id, ConsultationStatus.Ended, Actor.System);
    }

    [Fact]
    public async Task TheRightKey_GoesLive_WithAnEventAndARecording()
    {
        var s = await StreamAsync();
        Assert.Equal(StreamState.Waiting, (await RowAsync(s.Session)).State);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        var row = await RowAsync(s.Session);
        Assert.Equal(StreamState.Live, row.State);
        Assert.NotNull(row.StartedAt);
        var events = await StreamEventsAsync(s.Session);
        Assert.Equal("live", JsonDocument.Parse(Assert.Single(events)).RootElement.GetProperty("state").GetString());
        Assert.Equal(1, await hub.WithDbAsync(db => db.StreamRecordings.CountAsync(r => r.ConsultationId == s.Session && r.EndedAt == null)));
        var info = await InfoAsync(hub.CreateClient(), s.Session);
        Assert.Equal("live", info.GetProperty("state").GetString());
        Assert.Equal("Live", info.GetProperty("sessionStatus").GetString());
        Assert.True(info.GetProperty("canWatch").GetBoolean());
        var source = info.GetProperty("sources")[0];
        Assert.Matches($"^/media/[0-9]+/[A-Za-z0-9_-]+/live/{s.Name}/index.m3u8$", source.GetProperty("url").GetString());
        Assert.Equal("主线路", source.GetProperty("label").GetString());
    }

    [Fact]
    public async Task AWrongKey_AMissingKey_OrAWrongToken_AreRefused_AndChangeNothing()
    {
        var s = await StreamAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret + "0")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret, token: "nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Secret, s.Secret)).StatusCode); // the secret as the name
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", "../../etc/passwd", s.Secret)).StatusCode);
        Assert.Equal(StreamState.Waiting, (await RowAsync(s.Session)).State);
        Assert.Empty(await StreamEventsAsync(s.Session));
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish-done", s.Name, token: "")).StatusCode);
    }

    [Fact]
    public async Task UnstorableText_InACallbackOrTheSwitch_Is400_NotAFault()
    {
        var s = await StreamAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync("publish", s.Name + "\0", s.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync("record-done", s.Name, path: "/rec/a\u0007.flv")).StatusCode);
        var moderator = await Person.SignedInAsync(hub, Demo.Moderator);
        var broken = await moderator.Http.PostAsync($"/api/sessions/{s.Session}/stream/screen-danmaku",
            new StringContent("{\"on\": tru", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(StreamState.Waiting, (await RowAsync(s.Session)).State);
    }

    [Fact]
    public async Task AnExpiredKey_IsRefused()
    {
        var s = await StreamAsync(set: x => x.KeyExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        Assert.Equal(StreamState.Waiting, (await RowAsync(s.Session)).State);
    }

    [Fact]
    public async Task ARotatedKey_RefusesTheOldOne()
    {
        var s = await StreamAsync();
        await using (var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert"))
        {
            var rotated = await scope.ServiceProvider.GetRequiredService<StreamCommands>().RotateKeyAsync(s.Session, Actor.System);
            Assert.NotEqual(s.Secret, rotated.StreamSecret);
            Assert.Equal(s.Name, rotated.PublishName);
            Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, rotated.StreamSecret)).StatusCode);
        }
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "stream.rotate_key" && a.EntityId == s.Session.ToString())));
    }

    [Fact]
    public async Task AScheduledSession_MayPublish_AnEndedOneMayNot()
    {
        var scheduled = await StreamAsync(live: false);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", scheduled.Name, scheduled.Secret)).StatusCode);
        var ended = await StreamAsync();
        await EndSessionAsync(ended.Session);
        Assert.Equal(StreamState.Ended, (await RowAsync(ended.Session)).State);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", ended.Name, ended.Secret)).StatusCode);
    }

    [Fact]
    public async Task PublishDone_Interrupts_PublishingAgainResumes_AndTheSessionsEndEndsIt()
    {
        var s = await StreamAsync();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish-done", s.Name)).StatusCode);
        Assert.Equal(StreamState.Interrupted, (await RowAsync(s.Session)).State);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        Assert.Equal(StreamState.Live, (await RowAsync(s.Session)).State);
        await EndSessionAsync(s.Session);
        Assert.Equal(StreamState.Ended, (await RowAsync(s.Session)).State);
        // The encoder stops after the session ended: the recording closes, the state stays ended.
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish-done", s.Name)).StatusCode);
        Assert.Equal(StreamState.Ended, (await RowAsync(s.Session)).State);
        Assert.Equal(0, await hub.WithDbAsync(db => db.StreamRecordings.CountAsync(r => r.ConsultationId == s.Session && r.EndedAt == null)));
        var states = (await StreamEventsAsync(s.Session)).Select(p => JsonDocument.Parse(p).RootElement.GetProperty("state").GetString()).ToList();
        Assert.Equal(["live", "interrupted", "live", "ended"], states);
        // The session's end and its StreamChanged are one transaction and adjacent in the room's sequence.
        var tail = await hub.WithDbAsync(db => db.RoomEvents.Where(e => e.ConsultationId == s.Session).OrderByDescending(e => e.Seq).Take(2).Select(e => e.Type).ToListAsync());
        Assert.Equal([RoomEventTypes.StreamChanged, RoomEventTypes.RoomStatusChanged], tail);
    }

    private sealed record StreamChangedData(string State, DateTimeOffset At, bool DanmakuOnScreen);

    [Fact]
    public async Task ViewersHearOfIt_AndTheConsolesEndEndsTheStream()
    {
        var s = await StreamAsync();
        await using var viewer = await (await Person.SignedInAsync(hub, Demo.Member)).JoinAsync(s.Session);
        await using var moderator = await (await Person.SignedInAsync(hub, Demo.Moderator)).JoinAsync(s.Session);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        await RoomTestClient.EventuallyAsync(() => viewer.Events<StreamChangedData>(RoomEventTypes.StreamChanged).Any(e => e.State == "live"));
        await moderator.InvokeAsync("ChangeStatus", ConsultationStatus.Ended);
        await RoomTestClient.EventuallyAsync(() => viewer.Events<StreamChangedData>(RoomEventTypes.StreamChanged).Any(e => e.State == "ended"));
        Assert.Equal(StreamState.Ended, (await RowAsync(s.Session)).State);
    }

    [Fact]
    public async Task TwoEncodersWithOneKey_OnlyOneWins()
    {
        for (var round = 0; round < 5; round++)
        {
            var s = await StreamAsync();
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CallbackAsync("publish", s.Name, s.Secret)));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Forbidden));
            Assert.Single(await StreamEventsAsync(s.Session));
            Assert.Equal(1, await hub.WithDbAsync(db => db.StreamRecordings.CountAsync(r => r.ConsultationId == s.Session)));
        }
    }

    [Fact]
    public async Task ALiveStateLeftByADeadServer_IsTakenOver_OnlyOnceItsPlaylistStoppedAndItIsOld()
    {
        var s = await StreamAsync();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        // Just started: a second publish is refused even though no playlist is written yet.
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        await hub.WithDbAsync(async db =>
        {
            foreach (var r in await db.StreamRecordings.Where(r => r.ConsultationId == s.Session).ToListAsync()) r.StartedAt = r.StartedAt.AddMinutes(-5);
            return await db.SaveChangesAsync();
        });
        var folder = Path.Combine(hub.MediaRoot, "hls", s.Name);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "index.m3u8"), "#EXTM3U\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode); // still being written
        File.SetLastWriteTimeUtc(Path.Combine(folder, "index.m3u8"), DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);       // the old one is gone
        Assert.Equal(StreamState.Live, (await RowAsync(s.Session)).State);
        var recordings = await hub.WithDbAsync(db => db.StreamRecordings.Where(r => r.ConsultationId == s.Session).ToListAsync());
        Assert.Equal(2, recordings.Count);
        Assert.Single(recordings, r => r.EndedAt == null);
    }

    [Fact]
    public async Task RecordDone_NamesTheMp4_WhichTheReplayServesWithRanges()
    {
        var s = await StreamAsync();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish", s.Name, s.Secret)).StatusCode);
        var unix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("publish-done", s.Name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync("record-done", s.Name, path: $"/var/media/rec/{s.Name}-{unix}.flv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CallbackAsync("record-done", s.Name, path: "/var/media/rec/../../etc/passwd")).StatusCode);
        var file = $"{s.Name}-{unix}.mp4";
        Assert.Equal(file, await hub.WithDbAsync(db => db.StreamRecordings.Where(r => r.ConsultationId == s.Session).Select(r => r.FileName).SingleAsync()));
        Directory.CreateDirectory(Path.Combine(hub.MediaRoot, "rec"));
        await File.WriteAllBytesAsync(Path.Combine(hub.MediaRoot, "rec", file), Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        await EndSessionAsync(s.Session);

        var info = await InfoAsync(hub.CreateClient(), s.Session);
        Assert.Equal("ended", info.GetProperty("state").GetString());
        Assert.Equal(0, info.GetProperty("sources").GetArrayLength());
        Assert.True(info.GetProperty("replay").GetProperty("available").GetBoolean());
        var url = info.GetProperty("replay").GetProperty("parts")[0].GetProperty("url").GetString()!;
        Assert.EndsWith($"/rec/{file}", url);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);
        var part = await hub.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/mp4", part.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (byte)i).ToArray(), await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SignedMediaUrls_Valid_Expired_Tampered_Traversal()
    {
        var s = await StreamAsync();
        var folder = Path.Combine(hub.MediaRoot, "hls", s.Name);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "index.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:1\n0.ts\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "0.ts"), new byte[188]);
        var info = await InfoAsync(hub.CreateClient(), s.Session);
        var url = info.GetProperty("sources")[0].GetProperty("url").GetString()!;
        Assert.True(info.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(110));
        var client = hub.CreateClient();

        var playlist = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", playlist.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", playlist.Headers.CacheControl?.ToString());
        Assert.StartsWith("#EXTM3U", await playlist.Content.ReadAsStringAsync());
        var segment = await client.GetAsync(url.Replace("index.m3u8", "0.ts"));
        Assert.Equal(HttpStatusCode.OK, segment.StatusCode);
        Assert.Equal("video/mp2t", segment.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.Replace("index.m3u8", "9.ts"))).StatusCode);

        var expired = new MediaUrlSigner("test-signing-secret").LivePlaylist(s.Name, DateTimeOffset.UtcNow.AddSeconds(-5));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(expired)).StatusCode);
        var parts = url.Split('/');
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace(parts[3], parts[3][..^2] + "xx"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace(parts[2], (long.Parse(parts[2]) + 1).ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace("index.m3u8", "..%2F..%2Frec%2Fx.mp4"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace("index.m3u8", "%2e%2e"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace("/index.m3u8", "/"))).StatusCode); // no listing
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/media/")).StatusCode);
    }

    [Fact]
    public async Task WhoMayWatch_PerAccessMode()
    {
        var s = await StreamAsync(set: x => { x.Access = StreamAccess.Registered; x.ConferenceUrl = "https://meeting.example.org/j/123"; });
        var anonymous = hub.CreateClient();
        var denied = await InfoAsync(anonymous, s.Session);
        Assert.False(denied.GetProperty("canWatch").GetBoolean());
        Assert.Equal("registered", denied.GetProperty("reason").GetString());
        Assert.Equal("仅限报名参会人员观看。", denied.GetProperty("reasonText").GetString());
        Assert.Equal(0, denied.GetProperty("sources").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, denied.GetProperty("conferenceUrl").ValueKind);

        var leader = await Person.SignedInAsync(hub, Demo.Leader); // the city's, not registered for this session
        Assert.Equal("registered", (await InfoAsync(leader.Http, s.Session)).GetProperty("reason").GetString());
        var member = await Person.SignedInAsync(hub, Demo.Member);  // registered speaker (委员)
        var mine = await InfoAsync(member.Http, s.Session);
        Assert.True(mine.GetProperty("canWatch").GetBoolean());
        Assert.Equal("https://meeting.example.org/j/123", mine.GetProperty("conferenceUrl").GetString());

        await hub.WithDbAsync(async db => { (await db.SessionStreams.SingleAsync(x => x.ConsultationId == s.Session)).Access = StreamAccess.SignedIn; return await db.SaveChangesAsync(); });
        Assert.Equal("signin", (await InfoAsync(anonymous, s.Session)).GetProperty("reason").GetString());
        var county = await Person.SignedInAsync(hub, County.Member);
        var other = await InfoAsync(county.Http, s.Session);
        Assert.True(other.GetProperty("canWatch").GetBoolean());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("conferenceUrl").ValueKind);

        await hub.WithDbAsync(async db => { (await db.SessionStreams.SingleAsync(x => x.ConsultationId == s.Session)).Access = StreamAccess.Public; return await db.SaveChangesAsync(); });
        Assert.True((await InfoAsync(anonymous, s.Session)).GetProperty("canWatch").GetBoolean());

        var closed = await StreamAsync(access: PublicAccess.Closed);
        Assert.Equal("closed", (await InfoAsync(leader.Http, closed.Session)).GetProperty("reason").GetString());
        Assert.True((await InfoAsync(member.Http, closed.Session)).GetProperty("canWatch").GetBoolean());
    }

    [Fact]
    public async Task ASessionWithoutAStream_IsWaiting_ADraftIsNotFound_ButForItsStaff()
    {
        var id = await LiveRooms.CreateAsync(hub);
        var info = await InfoAsync(hub.CreateClient(), id);
        Assert.Equal("waiting", info.GetProperty("state").GetString());
        Assert.Equal(0, info.GetProperty("sources").GetArrayLength());
        Assert.False(info.GetProperty("replay").GetProperty("available").GetBoolean());
        var draft = await hub.WithDbAsync(async db =>
        {
            var org = await db.Users.Where(u => u.UserName == Demo.Staff.User).Select(u => u.OrganizationId!.Value).SingleAsync();
            var c = new Consultation { OrganizationId = org, Title = "草稿直播", RoomCode = RoomCodes.Allocate(new HashSet<string>(await db.Consultations.Select(x => x.RoomCode).ToListAsync())),
                StartsAt = DateTimeOffset.UtcNow, EndsAt = DateTimeOffset.UtcNow.AddHours(1) };
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await hub.CreateClient().GetAsync($"/api/sessions/{draft}/stream")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.CreateClient().GetAsync($"/api/sessions/{Guid.NewGuid()}/stream")).StatusCode);
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/api/sessions/{draft}/stream")).StatusCode);
    }

    [Fact]
    public async Task ScreenDanmaku_IsTheModeratorsSwitch()
    {
        var s = await StreamAsync();
        var moderator = await Person.SignedInAsync(hub, Demo.Moderator);
        var on = await moderator.Http.PostAsJsonAsync($"/api/sessions/{s.Session}/stream/screen-danmaku", new { on = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True((await RowAsync(s.Session)).DanmakuOnScreen);
        Assert.True(JsonDocument.Parse(Assert.Single(await StreamEventsAsync(s.Session))).RootElement.GetProperty("danmakuOnScreen").GetBoolean());
        Assert.True((await InfoAsync(hub.CreateClient(), s.Session)).GetProperty("danmakuOnScreen").GetBoolean());

        var member = await Person.SignedInAsync(hub, Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PostAsJsonAsync($"/api/sessions/{s.Session}/stream/screen-danmaku", new { on = false })).StatusCode);
        var countyStaff = await Person.SignedInAsync(hub, County.Staff);
        var foreign = await countyStaff.Http.PostAsJsonAsync($"/api/sessions/{s.Session}/stream/screen-danmaku", new { on = false });
        Assert.True(foreign.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{foreign.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.CreateClient().PostAsJsonAsync($"/api/sessions/{s.Session}/stream/screen-danmaku", new { on = false })).StatusCode);
        Assert.True((await RowAsync(s.Session)).DanmakuOnScreen);
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "stream.screen_danmaku" && a.EntityId == s.Session.ToString())));
    }
}
