using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>axe-core run in the page: no serious or critical violation may remain (minor and moderate are reported).</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var report = result.Violations
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        await File.WriteAllLinesAsync(Path.Combine(BrowserFixture.ArtifactsDir, $"axe-{name}.txt"), report);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found serious or critical violations on {name}:\n" + string.Join("\n", report));
    }
}
