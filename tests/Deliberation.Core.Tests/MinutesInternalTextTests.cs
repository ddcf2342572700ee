using Deliberation.Core.Minutes;
using Deliberation.Testing;

namespace Deliberation.Core.Tests;

/// <summary>The public version is cut from the syntax tree reviewers see: every fence form shaded as internal goes, nothing else does.</summary>
public class MinutesInternalTextTests
{
    [Theory]
    [MemberData(nameof(InternalFences.Names), MemberType = typeof(InternalFences))]
    public void EveryInternalFence_IsAPassageForReviewers_AndGoneFromThePublicText(string variant)
    {
        var md = InternalFences.Document(variant);
        var normalized = md.Replace("\r\n", "\n");
        var passages = MinutesSyntax.InternalPassages(MinutesSyntax.Parse(normalized)).ToList();
        Assert.NotEmpty(passages);
        // Reviewers see the secret inside a passage the tree marks internal.
        var at = normalized.IndexOf(InternalFences.Secret, StringComparison.Ordinal);
        Assert.Contains(passages, p => p.Span.Start <= at && at < p.Span.End);

        var pub = MinutesMarkup.ToPublic(md);
        Assert.DoesNotContain(InternalFences.Secret, pub);
        Assert.DoesNotContain("内部内容", pub);
        Assert.Contains(InternalFences.Before, pub);
        if (!InternalFences.SwallowsTheRest(variant)) Assert.Contains(InternalFences.After, pub);
        Assert.False(MinutesSyntax.HasInternal(pub));
    }

    [Theory]
    [InlineData("::: note\n公开的注\n:::")]
    [InlineData("```\n::: internal\n公开的代码\n:::\n```")]
    [InlineData("\\:\\:\\: internal 公开的转义文字")]
    [InlineData("::: internally\n公开的注\n:::")]
    public void WhatReviewersDoNotSeeAsInternal_StaysPublic(string block)
    {
        var md = $"# 题\n\n{block}\n\n结尾\n";
        Assert.False(MinutesSyntax.HasInternal(md));
        Assert.Contains("公开的", MinutesMarkup.ToPublic(md));
    }

    [Fact]
    public void RemovingASourceLink_CannotOpenAFenceThatLeaksAfterIt()
    {
        // Cutting the link joins ":" and "::internal" into a fence: that new passage is cut too.
        var id = Guid.NewGuid();
        var md = $"# 题\n\n公开\n\n:{MinutesMarkup.SourceLink("speech", id)}::internal\n{InternalFences.Secret}\n:::\n";
        var pub = MinutesMarkup.ToPublic(md);
        Assert.DoesNotContain(InternalFences.Secret, pub);
        Assert.Contains("公开", pub);
    }
}
