using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Deliberation.Core.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpFeedTests(FollowUpFactory hub)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly FollowUpScenario _s = new(hub);

    [Fact]
    public async Task FollowUp_AtomFeed_IsValidAtom_WithOneEntryPerPublicItem()
    {
        var open = await _s.InProgressAsync(FollowUpScenario.Unique("订阅事项"));
        var hidden = await _s.InProgressAsync(FollowUpScenario.Unique("订阅内部"), isPublic: false);
        var response = await hub.Browser().GetAsync("/progress/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Element(Atom + required));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.All(entries, e =>
        {
            Assert.StartsWith("urn:uuid:", e.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, out _));
            Assert.StartsWith("http://localhost/progress/", (string)e.Element(Atom + "link")!.Attribute("href")!);
        });
        var ids = entries.Select(e => Guid.Parse(e.Element(Atom + "id")!.Value["urn:uuid:".Length..])).ToHashSet();
        Assert.Contains(open, ids);
        Assert.DoesNotContain(hidden, ids);
        var board = await hub.WithDbAsync(db => db.OutcomeItems.OnPublicBoard().CountAsync());
        Assert.Equal(Math.Min(board, 50), entries.Count);
    }

    [Fact]
    public async Task FollowUp_JsonApi_ListsPublicItems_AndFilters()
    {
        var housing = await _s.DepartmentAsync(FollowUpScenario.Housing);
        await _s.AssignedAsync(FollowUpScenario.Unique("接口事项"));
        var client = hub.Browser();

        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/followup/items"));
        var items = all.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.True(Enum.TryParse<FollowUpStatus>(i.GetProperty("status").GetString(), out var s) && s != FollowUpStatus.Pending);
            Assert.False(string.IsNullOrEmpty(i.GetProperty("statusLabel").GetString()));
            Assert.StartsWith("http://localhost/progress/", i.GetProperty("url").GetString());
        });

        using var closed = JsonDocument.Parse(await client.GetStringAsync("/api/followup/items?status=Closed"));
        Assert.All(closed.RootElement.EnumerateArray(), i => Assert.Equal("Closed", i.GetProperty("status").GetString()));
        Assert.NotEmpty(closed.RootElement.EnumerateArray());
        using var dept = JsonDocument.Parse(await client.GetStringAsync($"/api/followup/items?department={housing}"));
        Assert.All(dept.RootElement.EnumerateArray(), i => Assert.Equal(FollowUpScenario.Housing, i.GetProperty("department").GetString()));
        var year = hub.Clock.Now.ToOffset(TimeSpan.FromHours(8)).Year;
        using var none = JsonDocument.Parse(await client.GetStringAsync($"/api/followup/items?year={year - 5}"));
        Assert.Empty(none.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task FollowUp_JsonDetail_CarriesThePublicTimeline()
    {
        var id = await _s.RepliedAsync(FollowUpScenario.Unique("时间线"));
        using var detail = JsonDocument.Parse(await hub.Browser().GetStringAsync($"/api/followup/items/{id}"));
        var kinds = detail.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Created", "Submitted", "Assigned", "Accepted", "Replied"], kinds);
        var reply = detail.RootElement.GetProperty("replies").EnumerateArray().Single();
        Assert.Equal("Phone", reply.GetProperty("contactMethod").GetString());
        Assert.Equal("王建国", detail.RootElement.GetProperty("proposers")[0].GetString());
    }

    [Fact]
    public async Task FollowUp_PublicBoard_FiltersByStatus_AndWorksOnAPhoneWidthLayout()
    {
        var page = await hub.Browser().GetStringAsync("/progress?status=Closed");
        var doc = Infrastructure.Forms.Parse(page);
        Assert.All(doc.QuerySelectorAll(".fu-card .card-tags .tag:first-child"), t => Assert.Equal("已办结", t.TextContent));
        Assert.NotNull(doc.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
        Assert.NotNull(doc.QuerySelector("meta[name=viewport]"));
    }
}
