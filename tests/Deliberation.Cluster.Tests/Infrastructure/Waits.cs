namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>Waiting for what the nodes do in their own time.</summary>
public static class Waits
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds or <paramref name="timeoutMs"/> passed.</summary>
    public static async Task Eventually(Func<bool> condition, int timeoutMs)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in time");
            await Task.Delay(50);
        }
    }
}
