namespace Deliberation.Core.FollowUp;

/// <summary>Where an outcome item (建议事项) stands in the follow-up loop.</summary>
public enum FollowUpStatus
{
    /// <summary>待报送: recorded, not yet submitted to leaders.</summary>
    Pending,
    /// <summary>已报送: submitted to the party committee and government, awaiting instruction or assignment.</summary>
    Submitted,
    /// <summary>已批示: a leader has written an instruction; staff assign it next.</summary>
    Instructed,
    /// <summary>已交办: assigned to a lead department, awaiting its acceptance.</summary>
    Assigned,
    /// <summary>已退回: the department returned it with a reason; staff reassign.</summary>
    Returned,
    /// <summary>办理中: the lead department is handling it.</summary>
    InProgress,
    /// <summary>已答复: the formal reply is out; the proposers rate it.</summary>
    Replied,
    /// <summary>提请督办: rated 不满意 again after re-handling; leaders decide.</summary>
    Escalated,
    /// <summary>已办结: closed; a look-back review (回头看) is scheduled.</summary>
    Closed,
}

/// <summary>What someone does to an outcome item; <see cref="FollowUpStateMachine"/> says where each may happen.</summary>
public enum FollowUpAction
{
    /// <summary>报送: staff submit to leaders.</summary>
    Submit,
    /// <summary>批示: a leader instructs.</summary>
    Instruct,
    /// <summary>交办: staff assign a lead department (主办), co-handlers (会办) and a deadline.</summary>
    Assign,
    /// <summary>签收: the lead department accepts.</summary>
    Accept,
    /// <summary>退回: the lead department returns it with a reason.</summary>
    Return,
    /// <summary>进展: the lead department reports progress.</summary>
    ReportProgress,
    /// <summary>答复: the lead department replies formally, after consulting the proposer.</summary>
    Reply,
    /// <summary>满意度测评: a proposer rates the reply.</summary>
    Rate,
    /// <summary>办结: staff close it.</summary>
    Close,
    /// <summary>回头看 confirmed: the result holds.</summary>
    ConfirmLookBack,
    /// <summary>回头看 reopened: the problem came back; handling starts again.</summary>
    ReopenLookBack,
}

/// <summary>Where an outcome item came from.</summary>
public enum OutcomeSource
{
    /// <summary>协商纪要: a numbered recommendation of published minutes.</summary>
    Minutes,
    /// <summary>协商活动: recorded by staff from a session.</summary>
    Session,
    /// <summary>社情民意: a public-opinion report.</summary>
    SocialOpinion,
    /// <summary>微建议: a small suggestion.</summary>
    MicroSuggestion,
}

/// <summary>The proposer's verdict (满意度测评).</summary>
public enum Satisfaction
{
    /// <summary>满意</summary>
    Satisfied,
    /// <summary>基本满意</summary>
    BasicallySatisfied,
    /// <summary>不满意</summary>
    Dissatisfied,
}

/// <summary>How the handler consulted the proposer before replying ("不协商不答复").</summary>
public enum ContactMethod
{
    /// <summary>当面沟通</summary>
    InPerson,
    /// <summary>电话沟通</summary>
    Phone,
    /// <summary>座谈会</summary>
    Meeting,
    /// <summary>书面征求意见</summary>
    Written,
}

/// <summary>The kind of a timeline entry.</summary>
public enum FollowUpEventKind
{
    /// <summary>录入</summary>
    Created,
    /// <summary>报送</summary>
    Submitted,
    /// <summary>批示</summary>
    Instructed,
    /// <summary>交办</summary>
    Assigned,
    /// <summary>签收</summary>
    Accepted,
    /// <summary>退回</summary>
    Returned,
    /// <summary>办理进展</summary>
    Progress,
    /// <summary>答复</summary>
    Replied,
    /// <summary>测评</summary>
    Rated,
    /// <summary>再办理</summary>
    Reopened,
    /// <summary>提请领导督办</summary>
    Escalated,
    /// <summary>办结</summary>
    Closed,
    /// <summary>回头看：成效巩固</summary>
    LookBackConfirmed,
    /// <summary>回头看：重新办理</summary>
    LookBackReopened,
    /// <summary>逾期</summary>
    Overdue,
}
