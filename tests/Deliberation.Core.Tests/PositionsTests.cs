using Deliberation.Core.Common;

namespace Deliberation.Core.Tests;

public class PositionsTests
{
    private sealed class Item(string name, int order)
    {
        public string Name { get; } = name;
        public int Order { get; set; } = order;
    }

    private static List<Item> List(params string[] names) => names.Select((n, i) => new Item(n, i + 1)).ToList();

    [Theory]
    [InlineData("c", 1, "c,a,b,d")]
    [InlineData("a", 3, "b,c,a,d")]
    [InlineData("b", 1, "b,a,c,d")]
    [InlineData("d", 0, "d,a,b,c")]
    [InlineData("a", 99, "b,c,d,a")]
    public void Move_PutsTheItemAtThePosition_ClampedToTheList(string name, int position, string expected)
    {
        var items = List("a", "b", "c", "d");
        Positions.Move(items, items.Single(i => i.Name == name), position, (x, n) => x.Order = n);
        Assert.Equal(expected, string.Join(",", items.OrderBy(i => i.Order).Select(i => i.Name)));
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.Order).Order());
    }

    [Fact]
    public void Renumber_ClosesGaps()
    {
        var items = new List<Item> { new("a", 3), new("b", 7), new("c", 20) };
        Positions.Renumber(items, (x, n) => x.Order = n);
        Assert.Equal([1, 2, 3], items.Select(i => i.Order));
    }
}
