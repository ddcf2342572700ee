namespace Deliberation.Realtime.Minutes;

/// <summary>The one place minutes group names are made; clients never name a group.</summary>
public static class MinutesGroups
{
    /// <summary>The group of connections watching <paramref name="minutesId"/>.</summary>
    public static string For(Guid minutesId) => $"minutes:{minutesId:N}";
}
