namespace Deliberation.Core.Topics;

/// <summary>How a topic came in (征集渠道).</summary>
public enum TopicChannel
{
    /// <summary>党政点题: a leader names it.</summary>
    LeaderNamed,
    /// <summary>委员荐题: a member recommends it.</summary>
    MemberRecommended,
    /// <summary>群众提题: the public raise it (through staff, a letter, a visit).</summary>
    PublicRaised,
    /// <summary>网络征题: the public online form (reachable by QR code).</summary>
    Online,
}

/// <summary>Where a topic stands; <see cref="TopicRules"/> says which moves are legal.</summary>
public enum TopicStatus
{
    /// <summary>已提交: waiting for screening. Shown publicly only once <see cref="Topic.Listed"/>.</summary>
    Submitted,
    /// <summary>已入围: staff shortlisted it for the leaders.</summary>
    Shortlisted,
    /// <summary>已选定: a leader picked it (点题).</summary>
    Selected,
    /// <summary>已列入计划 / 已安排协商: it became a plan item or a session.</summary>
    Scheduled,
    /// <summary>未采纳: rejected with a reason the submitter sees.</summary>
    Rejected,
    /// <summary>已合并: merged into another topic (<see cref="Topic.MergedIntoId"/>), which kept its endorsements and submitters.</summary>
    Merged,
}

/// <summary>What happened to a topic, for the history its submitters follow.</summary>
public enum TopicEventKind
{
    /// <summary>提交</summary>
    Submitted,
    /// <summary>公开征求附议</summary>
    Listed,
    /// <summary>入围</summary>
    Shortlisted,
    /// <summary>退回入围 (back to screening)</summary>
    Unshortlisted,
    /// <summary>点题选定</summary>
    Selected,
    /// <summary>未采纳</summary>
    Rejected,
    /// <summary>合并入另一议题 (on the merged one)</summary>
    MergedInto,
    /// <summary>吸收了另一议题 (on the target)</summary>
    Absorbed,
    /// <summary>开始公示</summary>
    NoticePublished,
    /// <summary>列入年度计划</summary>
    Planned,
    /// <summary>安排协商 (a session was created)</summary>
    SessionCreated,
    /// <summary>由社情民意转来</summary>
    FromReport,
}

/// <summary>Moderation state of a topic comment; the same meaning as room comments.</summary>
public enum TopicCommentStatus
{
    /// <summary>待审核: only staff see it.</summary>
    Pending,
    /// <summary>已通过</summary>
    Approved,
    /// <summary>未通过 (with a reason)</summary>
    Rejected,
}
