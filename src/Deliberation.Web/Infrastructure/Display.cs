using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Infrastructure;

/// <summary>Formats enums and times for pages in the user's language and Beijing time.</summary>
public sealed class Display(IStringLocalizer<SharedResource> l)
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public string Enum<T>(T value) where T : struct, System.Enum => l[$"{typeof(T).Name}.{value}"];

    public System.DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public string At(DateTimeOffset at) =>
        Local(at).ToString(CultureInfo.CurrentCulture.Name.StartsWith("zh") ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);

    public string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Range(DateTimeOffset from, DateTimeOffset to) =>
        Local(from).Date == Local(to).Date ? $"{At(from)}–{Clock(to)}" : $"{At(from)} – {At(to)}";

    /// <summary>For datetime-local inputs, which carry no zone: the hub's zone is implied.</summary>
    public string InputValue(DateTimeOffset at) => Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromInput(System.DateTime local) =>
        new(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST"); }
    }
}
