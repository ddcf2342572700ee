namespace Deliberation.Core.Minutes.Compiling;

/// <summary>Times in the document are Beijing time, whatever the server's zone.</summary>
public static class BeijingTime
{
    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>The local date and time in Beijing.</summary>
    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST"); }
    }
}
