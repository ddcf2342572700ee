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
}
