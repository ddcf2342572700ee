using System.Globalization;
using Deliberation.Web.Infrastructure;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>Date formats the follow-up pages need on top of <see cref="Display"/>.</summary>
public static class DisplayExtensions
{
    /// <summary>A calendar day in Beijing time: 2026年3月2日 / 2026-03-02.</summary>
    public static string Day(this Display d, DateTimeOffset at) =>
        d.Local(at).ToString(CultureInfo.CurrentCulture.Name.StartsWith("zh") ? "yyyy年M月d日" : "yyyy-MM-dd", CultureInfo.CurrentCulture);

    /// <summary>For <c>type=date</c> inputs.</summary>
    public static string DateInput(this Display d, DateTimeOffset at) => d.Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The end of a chosen day (23:59 Beijing): a deadline "by 3 March" includes 3 March.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => Display.FromInput(day.ToDateTime(new TimeOnly(23, 59))).ToUniversalTime();

    /// <summary>The start of a chosen day (00:00 Beijing).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => Display.FromInput(day.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>Whole days from <paramref name="now"/> to <paramref name="due"/>, negative when past.</summary>
    public static int DaysLeft(DateTimeOffset due, DateTimeOffset now) => (int)Math.Floor((due - now).TotalDays);
}
