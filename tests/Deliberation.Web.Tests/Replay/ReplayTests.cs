using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;
using Deliberation.Testing;
using Deliberation.Web.Features.Replay;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Replay;

/// <summary>回放: the page's timeline, the comments window (approved only, bounded), access like the live stream, the details link.</summary>
[Collection(HubCollection.Name)]
public class ReplayTests(HubFactory hub)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Seeded(Guid Id, DateTimeOffset Start);

    /// <summary>An ended session with one 10-minute recording, a few room events and comments in every moderation state.</summary>
    private async Task<Seeded> SeedAsync(StreamAccess access = StreamAccess.Public, bool recording = true, int extraComments = 0)
    {
        var org = await hub.DemoOrgAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        return await hub.WithDbAsync(async db =>
        {
            var session = await TestSessions.CreateAsync(db, org, PublicAccess.Interact, configure: c => c.MoveTo(ConsultationStatus.Ended, start.AddMinutes(30)));
            db.SessionStreams.Add(new SessionStream
            {
                ConsultationId = session.Id, OrganizationId = org, PublishName = Guid.NewGuid().ToString("N"), StreamSecret = "s", Access = access,
                State = StreamState.Ended, StartedAt = start, EndedAt = start.AddMinutes(10), KeyIssuedAt = start, KeyExpiresAt = start.AddDays(1),
            });
            if (recording)
                db.StreamRecordings.Add(new StreamRecording { ConsultationId = session.Id, OrganizationId = org, FileName = "rec-1.mp4", StartedAt = start, EndedAt = start.AddMinutes(10) });
            var seq = 0L;
            void Event(string type, object payload, double seconds) => db.RoomEvents.Add(new RoomEvent
            {
                ConsultationId = session.Id, Seq = ++seq, Type = type, Payload = JsonSerializer.Serialize(payload, RoomUnit.Json), At = start.AddSeconds(seconds),
            });
            Event(RoomEventTypes.StreamChanged, new { State = "live", At = start, DanmakuOnScreen = false }, 0);
            Event(RoomEventTypes.AgendaItemChanged, new { Id = Guid.NewGuid(), Order = 1, Title = "部门通报情况", Presenter = "市住建局" }, 30);
            Event(RoomEventTypes.SpeakerChanged, new SpeakerView(Guid.NewGuid(), "张委员", "Member", "经济界", "Oral", "加装电梯", null, start.AddSeconds(90), 300), 90);
            Event(RoomEventTypes.VoteClosed, new VoteView(Guid.NewGuid(), "建议案", false, 50, 50, "Closed", 10, 9, 7, 1, 1, true, true, start.AddSeconds(400)), 400);
            Event(RoomEventTypes.AnnouncementMade, new { Text = "会后公告", By = "主持人" }, 3600);
            void Comment(string text, CommentStatus status, double seconds) => db.Comments.Add(new Comment
            {
                ConsultationId = session.Id, AuthorKey = "v:x", AuthorName = "市民", Tier = ParticipantTier.Public, Text = text, Status = status,
                CreatedAt = start.AddSeconds(seconds),
            });
            Comment("看得见的留言", CommentStatus.Approved, 20);
            Comment("待审留言", CommentStatus.Pending, 21);
            Comment("被拒留言", CommentStatus.Rejected, 22);
            Comment("被隐藏留言", CommentStatus.Hidden, 23);
            Comment("下一分钟的留言", CommentStatus.Approved, 100);
            for (var i = 0; i < extraComments; i++) Comment($"批量{i}", CommentStatus.Approved, 200 + i * 0.01);
            await db.SaveChangesAsync();
            return new Seeded(session.Id, start);
        });
    }

    private static string Window(Seeded s, double fromSeconds, double toSeconds) =>
        $"/api/sessions/{s.Id}/replay/comments?from={Uri.EscapeDataString(s.Start.AddSeconds(fromSeconds).ToString("O"))}&to={Uri.EscapeDataString(s.Start.AddSeconds(toSeconds).ToString("O"))}";

    [Fact]
    public async Task ThePage_ListsTheMoments_WithTheirPlaceInTheVideo()
    {
        var s = await SeedAsync();
        var page = await hub.Browser().GetPageAsync($"/s/{s.Id}/replay");
        Assert.Equal("replay", page.QuerySelector(".player")!.GetAttribute("data-state"));
        Assert.NotNull(page.QuerySelector(".player video[playsinline][muted]"));
        Assert.NotNull(page.QuerySelector(".replay-comments"));
        var moments = page.QuerySelectorAll(".timeline button.moment").ToList();
        Assert.Equal(["stream", "agenda", "speech", "vote", "announcement"], moments.Select(m => m.GetAttribute("data-kind")));
        Assert.Equal(["0", "30", "90", "400", null], moments.Select(m => m.GetAttribute("data-offset")));
        Assert.Contains("张委员（经济界）", moments[2].TextContent);
        Assert.Contains("赞成 7 · 反对 1 · 弃权 1，通过", moments[3].TextContent);
        Assert.True(moments[4].HasAttribute("disabled")); // after the broadcast: on the timeline, not in the video
        Assert.DoesNotContain("待审留言", page.Source.Text);
    }

    [Fact]
    public async Task Comments_AreTheApprovedOnes_InTheWindow()
    {
        var s = await SeedAsync();
        var client = hub.Browser();
        var first = await client.GetFromJsonAsync<ReplayCommentsDto>(Window(s, 0, 60), Json);
        Assert.Equal(["看得见的留言"], first!.Items.Select(c => c.Text));
        Assert.False(first.More);
        var next = await client.GetFromJsonAsync<ReplayCommentsDto>(Window(s, 60, 120), Json);
        Assert.Equal(["下一分钟的留言"], next!.Items.Select(c => c.Text));
        var none = await client.GetFromJsonAsync<ReplayCommentsDto>(Window(s, 120, 180), Json);
        Assert.Empty(none!.Items);
    }

    [Fact]
    public async Task Comments_AreBounded_ByPageSizeAndWindowLength()
    {
        var s = await SeedAsync(extraComments: ReplayReads.PageSize + 5);
        var client = hub.Browser();
        var page = await client.GetFromJsonAsync<ReplayCommentsDto>(Window(s, 180, 240), Json);
        Assert.Equal(ReplayReads.PageSize, page!.Items.Count);
        Assert.True(page.More);
        Assert.Equal(page.Items[^1].At, page.Next);
        var rest = await client.GetFromJsonAsync<ReplayCommentsDto>($"/api/sessions/{s.Id}/replay/comments?from={Uri.EscapeDataString(page.Next!.Value.ToString("O"))}&to={Uri.EscapeDataString(s.Start.AddSeconds(240).ToString("O"))}", Json);
        Assert.Equal(ReplayReads.PageSize + 5, page.Items.Concat(rest!.Items).Select(c => c.Id).Distinct().Count());
        var whole = await client.GetFromJsonAsync<ReplayCommentsDto>(Window(s, 0, 86400), Json);
        Assert.Equal(s.Start.AddSeconds(0) + ReplayReads.MaxWindow, whole!.To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=yesterday&to=today")]
    [InlineData("?from=2026-01-01T00:10:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("?from=2026-01-01T00:00:00Z")]
    [InlineData("?from=2026-01-01T00:00:00Z%00&to=2026-01-01T00:01:00Z")] // text that cannot be stored: the BadInput middleware
    public async Task Comments_WithoutAValidWindow_Are400(string query)
    {
        var s = await SeedAsync(recording: false);
        Assert.Equal(HttpStatusCode.BadRequest, (await hub.Browser().GetAsync($"/api/sessions/{s.Id}/replay/comments{query}")).StatusCode);
    }

    [Fact]
    public async Task UnknownSession_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Browser().GetAsync($"/s/{Guid.NewGuid()}/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Browser().GetAsync($"/api/sessions/{Guid.NewGuid()}/replay/comments?from=2026-01-01T00:00:00Z&to=2026-01-01T00:01:00Z")).StatusCode);
    }

    [Fact]
    public async Task ARegisteredOnlyReplay_ShowsTheVisitorWhy_AndLetsTheParticipantWatch()
    {
        var s = await SeedAsync(StreamAccess.Registered);
        var visitor = hub.Browser();
        var page = await visitor.GetPageAsync($"/s/{s.Id}/replay");
        Assert.Equal("denied", page.QuerySelector(".player")!.GetAttribute("data-state"));
        Assert.Contains("仅限报名参会人员观看", page.QuerySelector(".player-reason")!.TextContent);
        Assert.Null(page.QuerySelector(".timeline"));
        var refused = await visitor.GetAsync(Window(s, 0, 60));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("registered", await refused.Content.ReadAsStringAsync());

        var member = await Person.SignedInAsync(hub, Demo.Member); // registered by TestSessions
        var watch = await member.Http.GetPageAsync($"/s/{s.Id}/replay");
        Assert.Equal("replay", watch.QuerySelector(".player")!.GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync(Window(s, 0, 60))).StatusCode);
    }

    [Fact]
    public async Task TheSessionPage_OffersTheReplay_OnlyWhenARecordingExists()
    {
        var with = await SeedAsync();
        var without = await SeedAsync(recording: false);
        var client = hub.Browser();
        Assert.NotNull((await client.GetPageAsync($"/s/{with.Id}")).QuerySelector($"a[href='/s/{with.Id}/replay']"));
        Assert.Null((await client.GetPageAsync($"/s/{without.Id}")).QuerySelector($"a[href='/s/{without.Id}/replay']"));
        var empty = await client.GetPageAsync($"/s/{without.Id}/replay");
        Assert.Contains("本场协商暂无直播录像", empty.QuerySelector(".player-status")!.TextContent);
    }
}
