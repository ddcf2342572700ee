namespace Deliberation.Core.Intake;

/// <summary>What kind of intake it is.</summary>
public enum ReportKind
{
    /// <summary>社情民意: a report of public opinion.</summary>
    SocialOpinion,
    /// <summary>微建议: a small suggestion, often handled at once (即提即办).</summary>
    MicroSuggestion,
}

/// <summary>Where a report stands.</summary>
public enum ReportStatus
{
    /// <summary>已受理: received, waiting for staff.</summary>
    Received,
    /// <summary>办理中: routed to a department.</summary>
    Handling,
    /// <summary>已答复: answered (by the department, or by staff at once for 即提即办).</summary>
    Answered,
    /// <summary>已转办: turned into a topic or a follow-up item, which carries it on; its history stays here.</summary>
    Converted,
}

/// <summary>What happened to a report, for the history the submitter follows.</summary>
public enum ReportEventKind
{
    /// <summary>提交</summary>
    Received,
    /// <summary>交办 to a department</summary>
    Routed,
    /// <summary>部门接收</summary>
    Accepted,
    /// <summary>答复</summary>
    Answered,
    /// <summary>即提即办: staff answered at once</summary>
    AnsweredAtOnce,
    /// <summary>转为议题</summary>
    ConvertedToTopic,
    /// <summary>转为建议事项</summary>
    ConvertedToItem,
    /// <summary>Staff note</summary>
    Note,
}

/// <summary>
/// A 社情民意 report or 微建议 from a member or the public (the QR code "直通车" page). Received → handling (routed to a
/// department, who sees only its own) → answered; or converted into a topic or a follow-up item with its history kept.
/// Contact details are private, as on topics.
/// </summary>
public class OpinionReport
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 60;
    /// <summary>Longest text.</summary>
    public const int TextMax = 2000;
    /// <summary>Longest answer.</summary>
    public const int AnswerMax = 4000;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Number within the body and year (shown as 2026-0012).</summary>
    public int Number { get; set; }
    /// <summary>The year of <see cref="Number"/>.</summary>
    public int Year { get; set; }
    /// <summary>社情民意 or 微建议.</summary>
    public ReportKind Kind { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>What they report or suggest.</summary>
    public required string Text { get; set; }
    /// <summary>Where (village, street), optional.</summary>
    public string? Location { get; set; }
    /// <summary>The account, for members and signed-in users.</summary>
    public Guid? SubmitterUserId { get; set; }
    /// <summary>The member record, for members.</summary>
    public Guid? SubmitterMemberId { get; set; }
    /// <summary>The anonymous visitor, for the public.</summary>
    public Guid? SubmitterVisitorId { get; set; }
    /// <summary>Name shown to staff and the department (a member's name or the nickname given).</summary>
    public required string SubmitterName { get; set; }
    /// <summary>Private: real name.</summary>
    public string? ContactName { get; set; }
    /// <summary>Private: phone.</summary>
    public string? ContactPhone { get; set; }
    /// <summary>Private: e-mail.</summary>
    public string? ContactEmail { get; set; }
    /// <summary>The submitter's private follow link (/zhitongche/track/{code}).</summary>
    public required string TrackingCode { get; set; }
    /// <summary>Status.</summary>
    public ReportStatus Status { get; set; } = ReportStatus.Received;
    /// <summary>The department it was routed to; a department account sees only its own.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Answer deadline given when routing.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>The answer the submitter sees.</summary>
    public string? Answer { get; set; }
    /// <summary>Who answered, as shown (department or staff name).</summary>
    public string? AnsweredByName { get; set; }
    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The topic it became.</summary>
    public Guid? TopicId { get; set; }
    /// <summary>The follow-up item it became.</summary>
    public Guid? OutcomeItemId { get; set; }
    /// <summary>Submission time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
    /// <summary>History.</summary>
    public List<ReportEvent> Events { get; set; } = [];

    /// <summary>The number as shown, e.g. 2026-0012.</summary>
    public string DisplayNumber => $"{Year}-{Number:0000}";
}

/// <summary>One step in a report's history.</summary>
public class ReportEvent
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }
    /// <summary>The report.</summary>
    public Guid ReportId { get; set; }
    /// <summary>What happened.</summary>
    public ReportEventKind Kind { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>Who, as shown.</summary>
    public string? ActorName { get; set; }
    /// <summary>Note (answer excerpt, routing note).</summary>
    public string? Note { get; set; }
    /// <summary>The department, topic or item it points to.</summary>
    public Guid? RelatedId { get; set; }
}
