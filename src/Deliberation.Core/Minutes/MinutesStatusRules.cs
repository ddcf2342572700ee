namespace Deliberation.Core.Minutes;

/// <summary>The legal moves between minutes statuses. Published is final: corrections add versions, not moves.</summary>
public static class MinutesStatusRules
{
    private static readonly Dictionary<MinutesStatus, MinutesStatus[]> Allowed = new()
    {
        [MinutesStatus.Draft] = [MinutesStatus.InReview],
        [MinutesStatus.InReview] = [MinutesStatus.Draft, MinutesStatus.Signed],
        [MinutesStatus.Signed] = [MinutesStatus.Published],
        [MinutesStatus.Published] = [],
    };

    /// <summary>Whether minutes may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(MinutesStatus from, MinutesStatus to) => Allowed[from].Contains(to);

    /// <summary>The statuses reachable from <paramref name="from"/>.</summary>
    public static IReadOnlyList<MinutesStatus> Next(MinutesStatus from) => Allowed[from];

    /// <summary>Reviewers may change the text (a correction of published minutes is a separate use case).</summary>
    public static bool IsEditable(MinutesStatus status) => status is MinutesStatus.Draft or MinutesStatus.InReview;

    /// <summary>Only a draft may be replaced by a fresh compile.</summary>
    public static bool CanRecompile(MinutesStatus status) => status == MinutesStatus.Draft;
}
