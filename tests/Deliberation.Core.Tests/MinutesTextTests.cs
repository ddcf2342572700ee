using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;

namespace Deliberation.Core.Tests;

public class MinutesTextTests
{
    [Fact]
    public void Escape_MakesMarkdownSyntaxLiteral_AndKeepsOneLine()
    {
        var escaped = MarkdownText.Escape("# 标题\n![x](y) [a](javascript:b) <b> {{title}} ::: internal");
        Assert.Equal(@"\# 标题 \!\[x\]\(y\) \[a\]\(javascript\:b\) \<b\> \{\{title\}\} \:\:\: internal", escaped);
        Assert.Equal("# 标题 ![x](y) [a](javascript:b) <b> {{title}} ::: internal", MarkdownText.Unescape(escaped));
    }

    [Fact]
    public void ToPublic_RemovesInternalPassagesAndSourceLinks()
    {
        var id = Guid.NewGuid();
        var md = $"# 题\n\n正文 {MinutesMarkup.SourceLink("speech", id)}\n\n::: internal\n秘密\n:::\n\n结尾\n\n:::internal\n未闭合也隐藏\n";
        Assert.Equal("# 题\n\n正文\n\n结尾\n", MinutesMarkup.ToPublic(md));
    }

    [Fact]
    public void LineDiff_ShowsRemovedThenAdded_ForAChangedLine()
    {
        var diff = LineDiff.Compute("甲\n乙\n丙\n", "甲\n乙改\n丙\n丁\n");
        Assert.Equal(
            [(DiffKind.Same, "甲"), (DiffKind.Removed, "乙"), (DiffKind.Added, "乙改"), (DiffKind.Same, "丙"), (DiffKind.Added, "丁")],
            diff.Select(d => (d.Kind, d.Text)));
        Assert.Equal(4, diff.Last().NewNo);
    }

    [Fact]
    public void ThemeCounter_FindsTheLongestCommonPhrases_WithoutStopWords()
    {
        var counter = new ThemeCounter(["的", "希望", "问题"]);
        foreach (var t in new[] { "加装电梯的资金分摊", "希望加装电梯", "资金分摊问题", "加装电梯，资金分摊！", "低层住户的采光" }) counter.Add(t);
        var top = counter.Top(3);
        Assert.Equal(("加装电梯", 3), top[0]);
        Assert.Equal(("资金分摊", 3), top[1]);
        Assert.DoesNotContain(top, t => t.Theme is "加装" or "装电梯" or "的资");
    }

    [Fact]
    public void RecommendationReader_ReadsReviewedWording_AndSkipsInternalPassages()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var md = $"## 意见建议\n\n1. 设立专项资金\\(试点\\)。（建议承办单位：市财政局） {MinutesMarkup.SourceLink("outcome", a)}\n\n::: internal\n2. 内部 {MinutesMarkup.SourceLink("outcome", b)}\n:::\n";
        var read = RecommendationReader.Read(md);
        Assert.Equal([(a, "设立专项资金(试点)。")], read);
    }
}
