using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;

namespace Deliberation.Core.Tests;

/// <summary>The one rule for text that may be stored: what PostgreSQL and every reader can take.</summary>
public class StorableTextTests
{
    [Theory]
    [InlineData("协商议事厅")]
    [InlineData("emoji 👍😀 and CJK 𠀀")]
    [InlineData("")]
    [InlineData("tab\tand\nnew\r\nlines")]
    public void OrdinaryText_IsStorable(string text) => Assert.True(Text.IsStorable(text));

    // Code points, not strings: a lone surrogate does not survive the test runner's serialisation of theory data.
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0007)]
    [InlineData(0x001b)]
    [InlineData(0x007f)]
    [InlineData(0x0085)]
    [InlineData(0xd800)]
    [InlineData(0xdc00)]
    public void NulControlsAndLoneSurrogates_AreNot(int unit)
    {
        var text = $"a{(char)unit}b";
        Assert.False(Text.IsStorable(text));
        Assert.Equal(1, Text.FirstInvalid(text));
    }

    [Fact]
    public void AHighSurrogateAtTheEnd_IsLone() => Assert.Equal(3, Text.FirstInvalid("end\ud83d"));

    [Fact]
    public void LineBreaksAndTabs_PassOnlyWhereTextMaySpanLines()
    {
        Assert.False(Text.IsStorable("名\n字", multiline: false));
        Assert.False(Text.IsStorable("名\t字", multiline: false));
        Assert.True(Text.IsStorable("名 字", multiline: false));
    }

    [Fact]
    public void FormChecks_NameTheField()
    {
        var errors = new List<(string Field, string Code)>();
        Text.Check(errors, "Name", "市\0住建局", 100, required: true);
        Text.Check(errors, "Contact", "张三", 100, required: false);
        Assert.Equal([("Name", "Validation.InvalidText")], errors);
    }

    [Fact]
    public void RoomText_RefusesWithATypedCode()
    {
        Assert.Equal(RoomErrors.InvalidText, Assert.Throws<DomainException>(() => RoomText.Clean("a\0b", 100)).Code);
        Assert.Equal(RoomErrors.InvalidText, Assert.Throws<DomainException>(() => RoomText.Clean("标\n题", 100, multiline: false)).Code);
        Assert.Equal("第一行\n第二行", RoomText.Clean(" 第一行\r\n第二行 ", 100));
        var named = Assert.Throws<DomainException>(() => RoomText.Require("x\u0001", detail: "q3"));
        Assert.Equal("q3", named.Detail);
    }
}
