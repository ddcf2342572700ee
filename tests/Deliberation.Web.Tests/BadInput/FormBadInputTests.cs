using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.BadInput;

/// <summary>
/// Every post form on the admin, sign-in, home and room pages, filled with text PostgreSQL would refuse: a 400 page
/// that says why, in the user's language — never a 500 or a broken response. Antiforgery failures are 400 too.
/// </summary>
[Collection(BadInputCollection.Name)]
public class FormBadInputTests(BadInputFactory hub)
{
    private const string InvalidTextHint = "无法保存的字符";

    public static TheoryData<string, string> BadTexts() => new()
    {
        { "nul", "名\0字" },
        { "control", "名\u0007字" },
        { "c1-control", "名\u0085字" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task EveryAdminForm_RefusesUnstorableText_WithTheLocalised400Page(string kind, string bad)
    {
        var session = await LiveRooms.CreateAsync(hub, live: false);
        var admin = await Person.SignedInAsync(hub, Demo.Admin);
        string[] pages =
        [
            "/Admin/Sessions", "/Admin/Sessions/Edit", $"/Admin/Sessions/Edit/{session}", $"/Admin/Sessions/Agenda/{session}",
            $"/Admin/Sessions/Participants/{session}", $"/Admin/Sessions/Stream/{session}", "/Admin/Members", "/Admin/Members/Edit", "/Admin/Departments", "/Admin/Sectors",
            "/Admin/Committees", "/Admin/Questionnaires", "/Admin/FollowUp/Create", "/Admin/Minutes/Template",
        ];
        var posted = await PostEveryFormAsync(admin.Http, pages, bad);
        Assert.True(posted >= pages.Length, $"{kind}: only {posted} forms found");
    }

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task SignInHomeAndRoomForms_RefuseUnstorableText(string kind, string bad)
    {
        var room = await LiveRooms.CreateAsync(hub);
        var visitor = new Person(hub, new CookieContainerHandler());
        var posted = await PostEveryFormAsync(visitor.Http, ["/Account/SignIn", "/", $"/s/{room}/room"], bad);
        Assert.True(posted >= 3, $"{kind}: only {posted} forms found");
        Assert.DoesNotContain(AnonymousVisitors.CookieName, visitor.CookieHeader);
    }

    [Fact]
    public async Task VisitorName_WithANul_Is400_AndNoNameIsRemembered()
    {
        var room = await LiveRooms.CreateAsync(hub);
        var visitor = new Person(hub, new CookieContainerHandler());
        var response = await visitor.Http.PostFormAsync($"/s/{room}/room", new Dictionary<string, string> { ["displayName"] = "路\0人" }, $"/s/{room}/visitor");
        await AssertRefusedAsync(response, InvalidTextHint);
        Assert.DoesNotContain(AnonymousVisitors.CookieName, visitor.CookieHeader);
    }

    [Theory]
    [InlineData("/culture", "culture", "en")]
    [InlineData("/s/{room}/visitor", "displayName", "路人")]
    public async Task MinimalApiForms_WithoutAValidAntiforgeryToken_Are400WithAMessage(string path, string field, string value)
    {
        var room = await LiveRooms.CreateAsync(hub);
        var client = new Person(hub, new CookieContainerHandler()).Http;
        var url = path.Replace("{room}", room.ToString());

        var missing = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { [field] = value }));
        await AssertRefusedAsync(missing, "页面已过期");
        var forged = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = value, ["__RequestVerificationToken"] = "CfDJ8forged",
        }));
        await AssertRefusedAsync(forged, "页面已过期");
    }

    [Fact]
    public async Task ARazorPageForm_WithoutAToken_Is400()
    {
        var client = new Person(hub, new CookieContainerHandler()).Http;
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin", ["Input.Password"] = "x",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AQueryWithANul_Is400()
    {
        var client = new Person(hub, new CookieContainerHandler()).Http;
        await AssertRefusedAsync(await client.GetAsync("/join?code=12%0034"), InvalidTextHint);
    }

    [Fact]
    public async Task AJsonBody_WithANulOrALoneSurrogate_Is400Problem()
    {
        var staff = await Person.SignedInAsync(hub, Demo.Staff);
        foreach (var json in new[] { "{\"markdown\":\"a\\u0000b\"}", "{\"markdown\":\"a\\ud800b\"}" })
        {
            var response = await staff.Http.PostAsync("/api/minutes/preview", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(InvalidTextHint, await response.Content.ReadAsStringAsync());
        }
        var fine = await staff.Http.PostAsync("/api/minutes/preview", new StringContent("{\"markdown\":\"第一段\\n\\n第二段 😀\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task AdminFormText_WithANul_StoresNothing()
    {
        var admin = await Person.SignedInAsync(hub, Demo.Admin);
        var name = $"测试单位{Guid.NewGuid():N}"[..12];
        var response = await admin.Http.PostFormAsync("/Admin/Departments", new Dictionary<string, string>
        {
            ["Input.Name"] = name + "\0", ["Input.Contact"] = "联系人",
        });
        await AssertRefusedAsync(response, InvalidTextHint);
        Assert.False(await hub.WithDbAsync(db => db.Departments.AnyAsync(d => d.Name.StartsWith(name))));
    }

    /// <summary>Posts every post form on <paramref name="pages"/> with its text fields set to <paramref name="bad"/>; returns how many.</summary>
    private static async Task<int> PostEveryFormAsync(HttpClient client, IEnumerable<string> pages, string bad)
    {
        var count = 0;
        foreach (var page in pages)
        {
            var doc = await client.GetPageAsync(page);
            foreach (var form in doc.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                         .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = new List<KeyValuePair<string, string>>();
                var poisoned = false;
                foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
                {
                    var name = input.GetAttribute("name")!;
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "file" or "checkbox" or "radio") continue;
                    var value = input switch
                    {
                        IHtmlTextAreaElement t => t.Value,
                        IHtmlSelectElement s => s.Options.FirstOrDefault()?.Value ?? "",
                        _ => input.GetAttribute("value") ?? "",
                    };
                    if (name != "__RequestVerificationToken" && (type is "text" or "search" or "email" or "password" or "tel" or "url" || input is IHtmlTextAreaElement))
                    {
                        value = bad;
                        poisoned = true;
                    }
                    fields.Add(new(name, value));
                }
                if (!poisoned) fields.Add(new("note", bad));
                var action = form.QuerySelector("button[formaction]")?.GetAttribute("formaction") ?? form.GetAttribute("action");
                var target = string.IsNullOrEmpty(action) ? page : action;
                var response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
                await AssertRefusedAsync(response, InvalidTextHint, $"{page} → {target}");
                count++;
            }
        }
        return count;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string hint, string? where = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{where}: {(int)response.StatusCode} {string.Join(";", response.Headers.Select(h => h.Key))} {body[..Math.Min(body.Length, 3000)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Contains(hint), $"{where}: the 400 page does not say why");
    }
}
