namespace Deliberation.Core.Topics;

/// <summary>Which status moves a topic may make.</summary>
public static class TopicRules
{
    private static readonly Dictionary<TopicStatus, TopicStatus[]> Moves = new()
    {
        [TopicStatus.Submitted] = [TopicStatus.Shortlisted, TopicStatus.Rejected, TopicStatus.Merged],
        [TopicStatus.Shortlisted] = [TopicStatus.Selected, TopicStatus.Submitted, TopicStatus.Rejected, TopicStatus.Merged],
        [TopicStatus.Selected] = [TopicStatus.Scheduled],
        [TopicStatus.Scheduled] = [],
        [TopicStatus.Rejected] = [TopicStatus.Submitted],
        [TopicStatus.Merged] = [],
    };

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is legal.</summary>
    public static bool CanMove(TopicStatus from, TopicStatus to) => Moves[from].Contains(to);

    /// <summary>Whether a topic in <paramref name="status"/> may still absorb others or be merged.</summary>
    public static bool IsOpen(TopicStatus status) => status is TopicStatus.Submitted or TopicStatus.Shortlisted;
}
