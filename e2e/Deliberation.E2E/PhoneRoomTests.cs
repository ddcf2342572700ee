using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// The room on a phone (domain §8: retired members read on phones): at 360×740 and 390×844 every tab reads in full,
/// nothing scrolls sideways, buttons are at least 44 px tall and text at least 16 px; large text (长辈模式) is one tap
/// and stays on.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneRoomTests(BrowserFixture browser)
{
    // Problems on the visible page, in words a failing test can show.
    private const string FitCheck = """
        () => {
          const problems = [];
          const vw = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > vw + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
          const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
          const name = (el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20)}"`;
          for (const tab of document.querySelectorAll('[role=tab]')) {
            const label = tab.querySelector('span') || tab;
            if (label.scrollWidth > label.clientWidth + 1 || tab.scrollWidth > tab.clientWidth + 1) problems.push(`tab clipped: ${name(tab)}`);
          }
          for (const el of document.querySelectorAll('#room *, .topbar *')) {
            if (!visible(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.right > vw + 1) problems.push(`sticks out (${Math.round(r.right)} > ${vw}): ${name(el)}`);
            const target = el.matches('button, select, textarea, a.btn, .option, .star label, input:not([type=radio]):not([type=checkbox]):not([type=hidden])');
            if (target && r.height < 44) problems.push(`target ${Math.round(r.height)}px tall: ${name(el)}`);
            const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim().length > 0);
            if (ownText && parseFloat(getComputedStyle(el).fontSize) < 16) problems.push(`text ${getComputedStyle(el).fontSize}: ${name(el)}`);
          }
          for (const panel of document.querySelectorAll('.room-panel:not([hidden])')) {
            if (panel.scrollWidth > panel.clientWidth + 1) problems.push(`panel scrolls sideways: ${panel.dataset.panel}`);
          }
          return problems;
        }
        """;

    private static readonly string[] Tabs = ["留言", "提问", "投票", "表决", "问卷", "发言"];

    private static async Task<E2ESession> BusySessionAsync()
    {
        var s = await E2ESessions.CreateAsync();
        await using var db = E2ESessions.NewDb();
        var org = await db.Consultations.Where(c => c.Id == s.Id).Select(c => c.OrganizationId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            db.Comments.Add(new Comment
            {
                ConsultationId = s.Id, AuthorKey = $"v:{Guid.NewGuid():N}", AuthorName = i % 2 == 0 ? "六楼的张阿姨" : "市住建局 李文斌", Tier = ParticipantTier.Public,
                Text = i == 0 ? "一楼住户的采光问题怎么解决？https://example.org/a-very-long-link-without-spaces-that-must-wrap-on-a-phone" : $"第{i}条意见：希望加装电梯的费用分摊更透明一些。",
                Status = CommentStatus.Approved, CreatedAt = now.AddMinutes(-i),
            });
            db.Questions.Add(new Question
            {
                ConsultationId = s.Id, AuthorKey = $"v:{Guid.NewGuid():N}", AuthorName = "三楼的李叔叔", Tier = ParticipantTier.Public,
                Text = $"问题{i}：审批要多久？", Status = QuestionStatus.Open, Votes = i, CreatedAt = now.AddMinutes(-i),
            });
        }
        db.Polls.Add(new Poll { ConsultationId = s.Id, Title = "电梯装在哪一侧？", Kind = PollKind.Single, Options = ["东侧", "西侧（靠近绿地，需移栽树木）"], Status = BallotStatus.Open, OpenedAt = now, CreatedAt = now });
        db.Polls.Add(new Poll { ConsultationId = s.Id, Title = "对方案的总体评价", Kind = PollKind.Rating, Status = BallotStatus.Open, OpenedAt = now, CreatedAt = now });
        db.FormalVotes.Add(new FormalVote { ConsultationId = s.Id, Title = "关于《加装电梯实施方案》的表决", Status = BallotStatus.Open, Expected = 1, Present = 1, OpenedAt = now, CreatedAt = now });
        db.Questionnaires.Add(new Questionnaire
        {
            OrganizationId = org, ConsultationId = s.Id, Title = "加装电梯意愿调查", Status = BallotStatus.Open, CreatedAt = now,
            Items =
            [
                new QuestionnaireItem { Key = "q1", Text = "您住几楼？", Kind = QuestionnaireItemKind.Single, Options = ["1-2楼", "3-4楼", "5楼以上"], Required = true },
                new QuestionnaireItem { Key = "q2", Text = "对方案的满意度", Kind = QuestionnaireItemKind.Rating },
                new QuestionnaireItem { Key = "q3", Text = "其他建议", Kind = QuestionnaireItemKind.Text },
            ],
        });
        await db.SaveChangesAsync();
        return s;
    }

    private async Task<IPage> MemberAtAsync(IBrowserContext context, E2ESession s)
    {
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member", "Member#2026hub");
        await page.GotoAsync(s.Room);
        await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }

    private async Task<IBrowserContext> PhoneAsync(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BrowserFixture.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static async Task CheckEveryTabAsync(IPage page, string shot)
    {
        foreach (var tab in Tabs)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
            var problems = await page.EvaluateAsync<string[]>(FitCheck);
            Assert.True(problems.Length == 0, $"{shot} / {tab}:\n" + string.Join("\n", problems.Distinct().Take(25)));
            if (tab is "留言" or "表决" or "问卷") await BrowserFixture.ShotAsync(page, $"{shot}-{tab switch { "留言" => "comments", "表决" => "votes", _ => "questionnaire" }}");
        }
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    public async Task PhoneRoom_FitsThePhone_InNormalAndLargeText(int width, int height)
    {
        var s = await BusySessionAsync();
        await using var context = await PhoneAsync(width, height);
        var page = await MemberAtAsync(context, s);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "发言", Exact = true })).ToHaveTextAsync("发言");
        await CheckEveryTabAsync(page, $"phone-{width}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"room-member-phone-{width}");

        // 长辈模式: one tap, remembered across pages, applied before the first paint.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "大字" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("big-text"));
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('big-text')"));
        await Assertions.Expect(page.Locator("#room")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "大字" })).ToHaveAttributeAsync("aria-pressed", "true");
        var size = await page.Locator(".feed-text").First.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
        Assert.True(size >= 20, $"large text is {size}px");
        await CheckEveryTabAsync(page, $"phone-{width}-bigtext");
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"room-member-phone-{width}-bigtext");
        await page.GotoAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('big-text')"));
    }

    [Fact]
    public async Task DesktopRoom_Screenshot()
    {
        var s = await BusySessionAsync();
        await using var context = await browser.NewContextAsync();
        var page = await MemberAtAsync(context, s);
        await BrowserFixture.ShotAsync(page, "desktop-room-comments");
        await page.GetByRole(AriaRole.Tab, new() { Name = "问卷" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "desktop-room-questionnaire");
        var problems = await page.EvaluateAsync<string[]>(FitCheck);
        Assert.True(problems.Length == 0, string.Join("\n", problems.Distinct().Take(25)));
    }
}
