using Deliberation.Core.Minutes;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;

namespace Deliberation.Web.Tests.Minutes;

[Collection(HubCollection.Name)]
public class MinutesCompileTests(HubFactory hub)
{
    [Fact]
    public async Task Compile_FixtureSession_MatchesTheGoldenFile()
    {
        var f = await hub.CreateFixtureAsync(0x6d1);
        var markdown = await hub.CompileAsync(f);
        var path = Path.Combine(MinutesTestHelpers.GoldenDir(), "fixture-session.md");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") await File.WriteAllTextAsync(path, markdown);
        Assert.Equal(await File.ReadAllTextAsync(path), markdown);
    }

    [Fact]
    public async Task Compile_RecordsTheBroadcast_StartEndViewersAndTheReplayLink()
    {
        var f = await hub.CreateFixtureAsync(0x6d9);
        var relative = await hub.CompileAsync(f);
        Assert.Contains("- **网络直播**：2026年6月18日 09:02—11:28，同时在线人数峰值1234人，累计观看5678人", relative);
        Assert.Contains($"- **直播回放**：[观看回放](/s/{f.SessionId}/replay)", relative);
        var absolute = await hub.WithDbAsync(db => new Core.Minutes.Compiling.MinutesCompiler(db)
            .CompileAsync(MinutesTestHelpers.Input(f) with { SiteUrl = "https://hub.example.org/" }, null, CancellationToken.None));
        Assert.Contains($"[观看回放](https://hub.example.org/s/{f.SessionId}/replay)", absolute);
        Assert.Contains($"https://hub.example.org/s/{f.SessionId}/replay", Core.Minutes.MinutesMarkup.ToPublic(absolute));
    }

    [Fact]
    public async Task Compile_LeavesOutRejectedHiddenPendingMergedWithdrawnAndOpenRecords()
    {
        var f = await hub.CreateFixtureAsync(0x6d2);
        var markdown = await hub.CompileAsync(f);
        foreach (var marker in new[] { "REJECTED", "HIDDEN", "PENDING", "MERGED-", "WITHDRAWN", "OPEN-POLL" }) Assert.DoesNotContain(marker, markdown);
        Assert.Contains("加装电梯审批要多久？", markdown);
        Assert.Contains("合并相似问题1个", markdown);
        Assert.Contains($"[↗](/admin/minutes/source/speech/{f.Id(70)})", markdown);
        Assert.Contains($"[↗](/admin/minutes/source/question/{f.Id(110)})", markdown);
        Assert.Contains($"[↗](/admin/minutes/source/comment/{f.Id(100)})", markdown);
        Assert.Contains($"[↗](/admin/minutes/source/poll/{f.Id(120)})", markdown);
        Assert.Contains("1. 推行加装电梯联合审批，审批时限压缩至20个工作日。（建议承办单位：市住房和城乡建设局）", markdown);
    }

    [Fact]
    public async Task Compile_EscapesPeoplesText_SoNoLinkImageHeadingOrPlaceholderAppears()
    {
        var f = await hub.CreateFixtureAsync(0x6d3);
        var markdown = await hub.CompileAsync(f);
        Assert.Contains(@"\<script\>", markdown);
        Assert.Contains(@"\[点我\]\(javascript\:alert\(3\)\)", markdown);
        Assert.Contains(@"\{\{recommendations\}\}", markdown);
        var html = new MinutesRenderer().ToHtml(markdown);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:alert(3)\"", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Equal(1, html.Split("<h1").Length - 1);
    }

    [Fact]
    public async Task Template_PlaceholdersRender_AndUnknownOnesStayVisible()
    {
        var f = await hub.CreateFixtureAsync(0x6d4);
        var markdown = await hub.CompileAsync(f, "# {{title}}\n\n{{number}} {{issuer}} {{date}}\n\n## 建议\n\n{{recommendations}}\n\n{{ votes }}\n\n{{unknown_thing}}\n");
        Assert.StartsWith("# 关于“老旧小区加装电梯”的协商纪要\n\n第1期 测试市政协 2026年6月18日\n\n## 建议\n\n1. 推行加装电梯联合审批", markdown);
        Assert.Contains("| 关于加快推进老旧小区加装电梯的协商意见", markdown);
        Assert.Contains("{{unknown_thing}}", markdown);
        Assert.DoesNotContain("会议概况", markdown);
        Assert.Equal(["unknown_thing"], Core.Minutes.Compiling.MinutesPlaceholders.Unknown("{{title}} {{unknown_thing}}"));
    }

    [Fact]
    public void ReviewerEditedMarkup_IsInertToo()
    {
        var html = new MinutesRenderer().ToHtml("<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![](http://evil.example/a.png) <img src=x onerror=alert(1)>\n\n::: internal\n内部掌握\n:::\n");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<div class=\"internal\">", html);
        Assert.DoesNotContain("内部掌握", MinutesMarkup.ToPublic("正文\n\n::: internal\n内部掌握\n:::\n"));
    }
}
