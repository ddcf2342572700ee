using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The Content-Security-Policy is strict (scripts and styles from this host only, no inline code): every main page,
/// as the people who use it, in Chromium with the console open. Any <c>securitypolicyviolation</c> event or console
/// "Refused to …" message fails the test, naming the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CspTests(BrowserFixture browser)
{
    // Registered before any page script runs, so a violation during load is caught too.
    private const string Listener = """
        window.__csp = [];
        document.addEventListener("securitypolicyviolation", e =>
          window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task EveryMainPage_SatisfiesTheCsp_ForThePublicAMemberAndStaff()
    {
        var session = await E2ESessions.CreateAsync();
        var (questionnaire, minutes, item) = await DataAsync(session.Id);
        var violations = new List<string>();

        await CanaryAsync();
        await VisitAsync(null, violations, "/", session.Detail, $"/join?code={session.RoomCode}", session.Room, "/progress",
            $"/progress/{item}", $"/q/{questionnaire}", "/Account/SignIn", "/no-such-page");
        await VisitAsync(("member", "Member#2026hub"), violations, session.Room, "/Workspace");
        await VisitAsync(("staff", "Staff#2026hub"), violations, "/Admin", "/Admin/Sessions", $"/Admin/Sessions/Edit/{session.Id}",
            $"/Admin/Sessions/Participants/{session.Id}", "/Admin/Members", "/Admin/Departments", "/Admin/Sectors", "/Admin/Committees",
            "/Admin/Questionnaires", $"/Admin/Questionnaires/{questionnaire}", "/Admin/Minutes", $"/Admin/Minutes/View/{minutes}",
            $"/Admin/Minutes/Edit/{minutes}", "/Admin/Minutes/Template", "/Admin/FollowUp", "/Admin/FollowUp/Stats", $"/Admin/FollowUp/Item/{item}",
            session.Console, session.Screen);
        await VisitAsync(("admin", "Admin#2026hub"), violations, "/hangfire");

        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
    }

    /// <summary>The listener does see a violation: a style attribute set on the home page is refused and reported.</summary>
    private async Task CanaryAsync()
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(Listener);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("document.body.setAttribute('style', 'color: rgb(255, 0, 0)')");
        // The report is queued as a task of its own: wait for it (bounded), then check the style was not applied.
        var until = DateTime.UtcNow.AddSeconds(10);
        string[] events;
        while ((events = await page.EvaluateAsync<string[]>("window.__csp")).Length == 0 && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.Contains(events, e => e.StartsWith("style-src"));
        Assert.NotEqual("rgb(255, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.body).color"));
    }

    private async Task VisitAsync((string User, string Password)? account, List<string> violations, params string[] urls)
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(Listener);
        var page = await context.NewPageAsync();
        var current = "";
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy") || m.Text.StartsWith("Refused to")) violations.Add($"{current}: console: {m.Text}");
        };
        if (account is { } a) await BrowserFixture.SignInAsync(page, a.User, a.Password);
        foreach (var url in urls)
        {
            current = $"{account?.User ?? "public"} {url}";
            var response = await page.GotoAsync(url);
            Assert.True(response is not null && response.Status < 500, $"{current} answered {response?.Status}");
            // Let the page's modules start (the live pages connect their hub) before reading what was refused.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 15_000 }).ContinueWith(_ => { });
            foreach (var v in await page.EvaluateAsync<string[]>("window.__csp ?? []")) violations.Add($"{current}: {v}");
        }
    }

    /// <summary>A stand-alone questionnaire, minutes with an internal passage and a follow-up item to open.</summary>
    private static async Task<(Guid Questionnaire, Guid Minutes, Guid Item)> DataAsync(Guid sessionId)
    {
        await using var db = E2ESessions.NewDb();
        var session = await db.Consultations.SingleAsync(c => c.Id == sessionId);
        var q = new Questionnaire
        {
            OrganizationId = session.OrganizationId, Title = "内容安全策略问卷", Status = BallotStatus.Open, CreatedAt = DateTimeOffset.UtcNow,
            Items = [new QuestionnaireItem { Key = "q1", Text = "满意吗", Kind = QuestionnaireItemKind.Single, Options = ["满意", "不满意"] }],
        };
        db.Questionnaires.Add(q);
        var m = new MinutesDocument
        {
            ConsultationId = session.Id, OrganizationId = session.OrganizationId, Year = 2026, Number = Random.Shared.Next(100_000, 999_999),
            CurrentVersionNo = 1, CompileState = CompileState.Succeeded, CompileProgress = 100, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.MinutesDocuments.Add(m);
        db.MinutesVersions.Add(new MinutesVersion
        {
            MinutesId = m.Id, No = 1, Kind = MinutesVersionKind.Compiled, AuthorName = "系统", CreatedAt = DateTimeOffset.UtcNow,
            Markdown = "# 协商纪要\n\n正文。\n\n::: internal\n内部掌握的一段。\n:::\n",
        });
        await db.SaveChangesAsync();
        var item = await db.OutcomeItems.Select(i => i.Id).FirstAsync();
        return (q.Id, m.Id, item);
    }
}
