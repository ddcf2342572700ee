namespace Deliberation.Core.Preparation;

/// <summary>Where an invitee or registrant stands. Only <see cref="Invited"/> and <see cref="Registered"/> hold a seat in the room.</summary>
public enum AttendanceStatus
{
    /// <summary>已邀请: invited, not yet answered; the tier's rights in the room already apply.</summary>
    Invited,
    /// <summary>已报名 / 已确认: holds a seat.</summary>
    Registered,
    /// <summary>候补: the tier's quota was full; promoted in order when a seat frees.</summary>
    Waitlisted,
    /// <summary>已婉拒: declined the invitation.</summary>
    Declined,
    /// <summary>已取消: cancelled a registration; the seat went to the waitlist.</summary>
    Cancelled,
}

/// <summary>How someone was checked in (签到).</summary>
public enum CheckInMethod
{
    /// <summary>扫码: staff scanned their personal QR code.</summary>
    Scan,
    /// <summary>输码: staff typed the code.</summary>
    Code,
    /// <summary>线上: joined the live room.</summary>
    Online,
    /// <summary>人工: staff ticked them on the attendance list.</summary>
    Manual,
}

/// <summary>Who may register for a session themselves (报名), besides the invited.</summary>
public enum SelfRegistration
{
    /// <summary>仅限邀请</summary>
    InvitedOnly,
    /// <summary>委员可报名</summary>
    Members,
    /// <summary>委员和公众可报名</summary>
    MembersAndPublic,
}

/// <summary>What a material is.</summary>
public enum MaterialKind
{
    /// <summary>调研报告</summary>
    ResearchReport,
    /// <summary>会议材料 (briefings, background, drafts)</summary>
    Material,
}

/// <summary>Who may read a material.</summary>
public enum MaterialAudience
{
    /// <summary>参会人员: staff, moderators and invited or registered participants.</summary>
    Participants,
    /// <summary>公开: anyone who may open the session page.</summary>
    Public,
}
