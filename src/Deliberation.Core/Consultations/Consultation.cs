namespace Deliberation.Core.Consultations;

/// <summary>A consultation session (协商活动): the meeting, its room and its record.</summary>
public class Consultation
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Topic title (议题), e.g. 老旧小区加装电梯.</summary>
    public required string Title { get; set; }
    /// <summary>Background and purpose shown on the session page.</summary>
    public string? Summary { get; set; }
    /// <summary>Kind of session.</summary>
    public ConsultationType Type { get; set; }
    /// <summary>Online, offline or hybrid.</summary>
    public ConsultationMode Mode { get; set; }
    /// <summary>Current life-cycle status; change it through <see cref="MoveTo"/>.</summary>
    public ConsultationStatus Status { get; private set; } = ConsultationStatus.Draft;
    /// <summary>Planned start.</summary>
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>Planned end.</summary>
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Venue or online hall name.</summary>
    public string? Venue { get; set; }
    /// <summary>Name of the moderator (主持人) shown publicly.</summary>
    public string? HostName { get; set; }
    /// <summary>Six-digit room code (一码通), unique among sessions that hold one.</summary>
    public required string RoomCode { get; set; }
    /// <summary>How far the public may take part.</summary>
    public PublicAccess PublicAccess { get; set; } = PublicAccess.Watch;
    /// <summary>When the room actually went live.</summary>
    public DateTimeOffset? WentLiveAt { get; private set; }
    /// <summary>When the room actually closed.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>Settings and live state of the room.</summary>
    public Rooms.RoomSettings Room { get; set; } = new();
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
    /// <summary>The agenda (议程), in order.</summary>
    public List<AgendaItem> Agenda { get; set; } = [];
    /// <summary>The solicited topic (议题) it was created from.</summary>
    public Guid? TopicId { get; set; }
    /// <summary>The annual plan item it was created from.</summary>
    public Guid? PlanItemId { get; set; }
    /// <summary>Who may register themselves besides the invited.</summary>
    public Preparation.SelfRegistration SelfRegistration { get; set; } = Preparation.SelfRegistration.InvitedOnly;
    /// <summary>Registration deadline (报名截止); after it nobody registers, accepts or joins the waitlist.</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }
    /// <summary>Stakeholder share rule (e.g. 50 for 利益相关方 ≥ 50% of participants); warned on violation, not enforced.</summary>
    public int? StakeholderMinPercent { get; set; }
    /// <summary>When the one-click notice (一键通知) last went out.</summary>
    public DateTimeOffset? NoticeSentAt { get; set; }
    /// <summary>Invited and registered participants.</summary>
    public List<Participant> Participants { get; set; } = [];

    /// <summary>Moves the session to <paramref name="next"/>, or throws when the move is illegal.</summary>
    public void MoveTo(ConsultationStatus next, DateTimeOffset now)
    {
        if (!ConsultationStatusRules.CanMove(Status, next))
        {
            throw new DomainException("consultation.illegal_transition", $"{Status} -> {next}");
        }
        if (next == ConsultationStatus.Live) WentLiveAt ??= now;
        if (next == ConsultationStatus.Ended) EndedAt = now;
        Status = next;
    }

    /// <summary>Whether the public may open the session page at all.</summary>
    public bool IsPublished => Status != ConsultationStatus.Draft;
}
