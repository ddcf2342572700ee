namespace Deliberation.Realtime;

/// <summary>Settings of the live side, bound from the <c>Realtime</c> section.</summary>
public sealed class RealtimeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Realtime";

    /// <summary>Redis connection string; when set, SignalR uses the Redis backplane.</summary>
    public string? Redis { get; set; }

    /// <summary>Channel prefix on the backplane, so several hubs can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "deliberation";

    /// <summary>Hub calls one participant may make per second in a room, sustained.</summary>
    public double CallsPerSecond { get; set; } = 10;

    /// <summary>Hub calls one participant may make in a burst.</summary>
    public int CallBurst { get; set; } = 20;

    /// <summary>
    /// Public posts (comments, questions) one client address may make per room interval, whatever visitor cookies
    /// it presents. 1 holds a cookie-rotating visitor to the interval; raise it where many visitors share one
    /// address (a venue's Wi-Fi behind one NAT).
    /// </summary>
    public int PublicPostsPerAddress { get; set; } = 1;
}
