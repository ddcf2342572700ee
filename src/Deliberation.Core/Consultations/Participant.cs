namespace Deliberation.Core.Consultations;

/// <summary>The tier a participant attends in; it decides rights in the room.</summary>
public enum ParticipantTier
{
    /// <summary>主持人</summary>
    Moderator,
    /// <summary>委员</summary>
    Member,
    /// <summary>特邀代表</summary>
    Invited,
    /// <summary>部门 (承办单位 representative)</summary>
    Department,
    /// <summary>专家学者</summary>
    Expert,
    /// <summary>公众 (群众/网民)</summary>
    Public,
}

/// <summary>A person registered for a session, with registration and check-in (签到) times.</summary>
public class Participant
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Name shown in the room.</summary>
    public required string DisplayName { get; set; }
    /// <summary>Attendance tier.</summary>
    public ParticipantTier Tier { get; set; }
    /// <summary>The member record, for tier <see cref="ParticipantTier.Member"/>.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The department, for tier <see cref="ParticipantTier.Department"/>.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>The sign-in account, if the person has one.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The anonymous visitor id, for public participants who joined the room.</summary>
    public Guid? VisitorId { get; set; }
    /// <summary>Organisation or title shown next to the name, e.g. 市住建局 副局长.</summary>
    public string? Affiliation { get; set; }
    /// <summary>Whether the participant may cast formal votes (表决).</summary>
    public bool HasVotingRight { get; set; }
    /// <summary>When the participant was registered.</summary>
    public DateTimeOffset RegisteredAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>When the participant checked in (签到), if they have.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }
    /// <summary>Invitation and registration state; only Invited and Registered hold a seat and the tier's rights.</summary>
    public Preparation.AttendanceStatus Status { get; set; } = Preparation.AttendanceStatus.Registered;
    /// <summary>A stakeholder (利益相关方) for the session's stakeholder share rule.</summary>
    public bool IsStakeholder { get; set; }
    /// <summary>When staff invited them (null for self-registration and room joiners).</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    /// <summary>When they accepted, declined or cancelled last.</summary>
    public DateTimeOffset? RespondedAt { get; set; }
    /// <summary>When they joined the waitlist (its order).</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }
    /// <summary>
    /// Personal code (16 characters, <see cref="Common.Tokens"/>): the QR code on their invitation encodes
    /// <c>{site}/invite/{code}</c>; it opens their invitation page and staff scan it to check them in. Null for room joiners.
    /// </summary>
    public string? PersonalCode { get; set; }
    /// <summary>How they were checked in.</summary>
    public Preparation.CheckInMethod? CheckInMethod { get; set; }
    /// <summary>Who checked them in (staff name), for scans and manual ticks.</summary>
    public string? CheckedInBy { get; set; }
    /// <summary>Private: e-mail for invitees without an account (experts, invited guests).</summary>
    public string? ContactEmail { get; set; }
    /// <summary>Private: phone for invitees without an account.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>Whether the participant holds a seat (and the tier's rights in the room).</summary>
    public bool HoldsSeat => Status is Preparation.AttendanceStatus.Invited or Preparation.AttendanceStatus.Registered;
}
