namespace Deliberation.Core.Topics;

/// <summary>
/// A proposed consultation topic (议题) with the five-field pre-feasibility form (选题案由, 政策依据, 现实状况,
/// 存在问题, 建言方向). It is screened (merged, rejected, shortlisted), picked by a leader (点题), published in a
/// notice (公示) and planned or scheduled. Its submitters follow it; endorsements (附议) are counted atomically.
/// </summary>
public class Topic
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 60;
    /// <summary>Longest of each of the five fields.</summary>
    public const int FieldMax = 2000;
    /// <summary>Longest reason (rejection, selection).</summary>
    public const int ReasonMax = 500;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The campaign it was submitted to.</summary>
    public Guid CampaignId { get; set; }
    /// <summary>Number within the body and year, e.g. 7 (shown as 2026-007).</summary>
    public int Number { get; set; }
    /// <summary>The year of <see cref="Number"/>.</summary>
    public int Year { get; set; }
    /// <summary>How it came in.</summary>
    public TopicChannel Channel { get; set; }
    /// <summary>Title (议题名称).</summary>
    public required string Title { get; set; }
    /// <summary>选题案由: why this topic (required).</summary>
    public required string Reason { get; set; }
    /// <summary>政策依据 (optional for the public).</summary>
    public string? PolicyBasis { get; set; }
    /// <summary>现实状况 (optional for the public).</summary>
    public string? CurrentSituation { get; set; }
    /// <summary>存在问题 (required).</summary>
    public string? Problems { get; set; }
    /// <summary>建言方向 (optional for the public).</summary>
    public string? Direction { get; set; }
    /// <summary>Status; change it through the topic commands.</summary>
    public TopicStatus Status { get; set; } = TopicStatus.Submitted;
    /// <summary>Whether the public topic pages show it and take endorsements: at once for leaders' and members', after screening for the public's.</summary>
    public bool Listed { get; set; }
    /// <summary>Why it was rejected; the submitters see it.</summary>
    public string? RejectReason { get; set; }
    /// <summary>The topic it was merged into.</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>Why the leader picked it, shown in the notice (公示).</summary>
    public string? SelectionReason { get; set; }
    /// <summary>When a leader picked it.</summary>
    public DateTimeOffset? SelectedAt { get; set; }
    /// <summary>The picking leader's name as shown.</summary>
    public string? SelectedByName { get; set; }
    /// <summary>The notice (公示) it was published in.</summary>
    public Guid? NoticeId { get; set; }
    /// <summary>The plan item it became.</summary>
    public Guid? PlanItemId { get; set; }
    /// <summary>The session it became.</summary>
    public Guid? ConsultationId { get; set; }
    /// <summary>Endorsements (附议), kept by atomic SQL with the rows in <see cref="TopicEndorsement"/>.</summary>
    public int EndorsementCount { get; set; }
    /// <summary>Approved comments, kept by atomic SQL.</summary>
    public int CommentCount { get; set; }
    /// <summary>Submission time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change (sorting, feeds).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>Who submitted it: the original first, then those of topics merged into it.</summary>
    public List<TopicSubmitter> Submitters { get; set; } = [];
    /// <summary>The history its submitters follow; appended by the commands.</summary>
    public List<TopicEvent> Events { get; set; } = [];

    /// <summary>The number as shown, e.g. 2026-007.</summary>
    public string DisplayNumber => $"{Year}-{Number:000}";
}

/// <summary>
/// One submitter of a topic. Contact details of the public are private: staff see them on the screening page, and
/// no public page, feed or export ever shows them.
/// </summary>
public class TopicSubmitter
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The topic (after a merge, the target).</summary>
    public Guid TopicId { get; set; }
    /// <summary>The account, for leaders, members and signed-in staff.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The member record, for 委员荐题.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The anonymous visitor, for the public form.</summary>
    public Guid? VisitorId { get; set; }
    /// <summary>Name shown publicly (a member's name, or the nickname the public chose, or 网友).</summary>
    public required string DisplayName { get; set; }
    /// <summary>Private: the public submitter's real name.</summary>
    public string? ContactName { get; set; }
    /// <summary>Private: phone.</summary>
    public string? ContactPhone { get; set; }
    /// <summary>Private: e-mail, for status mails.</summary>
    public string? ContactEmail { get; set; }
    /// <summary>The private link that lets a submitter without an account follow the topic (/topics/track/{code}).</summary>
    public required string TrackingCode { get; set; }
    /// <summary>The topic they originally submitted (differs from <see cref="TopicId"/> after a merge).</summary>
    public Guid OriginalTopicId { get; set; }
    /// <summary>When they submitted.</summary>
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>One endorsement (附议): one row per person and topic, so a second click changes nothing.</summary>
public class TopicEndorsement
{
    /// <summary>The topic.</summary>
    public Guid TopicId { get; set; }
    /// <summary>Who: <c>u:{userId}</c> or <c>v:{visitorId}</c>, as room comments' author keys.</summary>
    public required string EndorserKey { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A comment on a public topic page, moderated like room comments.</summary>
public class TopicComment
{
    /// <summary>Longest text.</summary>
    public const int TextMax = 500;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The topic.</summary>
    public Guid TopicId { get; set; }
    /// <summary>The topic's body (copied, so the moderation queue is filtered without a join).</summary>
    public Guid OrganizationId { get; set; }
    /// <summary><c>u:{userId}</c> or <c>v:{visitorId}</c>.</summary>
    public required string AuthorKey { get; set; }
    /// <summary>Name shown.</summary>
    public required string AuthorName { get; set; }
    /// <summary>Whether the author is a member (委员), for the badge.</summary>
    public bool ByMember { get; set; }
    /// <summary>Plain text; escaped wherever rendered.</summary>
    public required string Text { get; set; }
    /// <summary>Moderation state.</summary>
    public TopicCommentStatus Status { get; set; }
    /// <summary>Why it waits (the sensitive word, or 先审后发).</summary>
    public string? FlagReason { get; set; }
    /// <summary>Why a moderator rejected it.</summary>
    public string? ModerationReason { get; set; }
    /// <summary>Who moderated it.</summary>
    public string? ModeratedBy { get; set; }
    /// <summary>When it was moderated.</summary>
    public DateTimeOffset? ModeratedAt { get; set; }
    /// <summary>Posting time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One step in a topic's history.</summary>
public class TopicEvent
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }
    /// <summary>The topic.</summary>
    public Guid TopicId { get; set; }
    /// <summary>What happened.</summary>
    public TopicEventKind Kind { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>Who did it, as shown (staff name, leader name and title).</summary>
    public string? ActorName { get; set; }
    /// <summary>A reason or note shown with it (rejection reason, selection reason).</summary>
    public string? Note { get; set; }
    /// <summary>The other topic of a merge, the notice, plan item or session it points to.</summary>
    public Guid? RelatedId { get; set; }
}

/// <summary>
/// A public notice (公示) of selected topics: shown to the public from <see cref="StartsAt"/>; while the period runs
/// it reads 公示中, after <see cref="EndsAt"/> 公示期满. Before <see cref="StartsAt"/> only staff see it.
/// </summary>
public class TopicNotice
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 100;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The campaign whose selected topics it lists.</summary>
    public Guid CampaignId { get; set; }
    /// <summary>Title, e.g. 关于2027年度协商议题的公示.</summary>
    public required string Title { get; set; }
    /// <summary>Text above the list (how the topics were chosen, where to send objections).</summary>
    public string? Body { get; set; }
    /// <summary>Start of the period.</summary>
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>End of the period.</summary>
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>When staff published it.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
