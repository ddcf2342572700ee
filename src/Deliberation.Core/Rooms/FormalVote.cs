namespace Deliberation.Core.Rooms;

/// <summary>A formal vote (表决) of members with voting rights, with quorum and pass threshold.</summary>
public class FormalVote
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The motion voted on.</summary>
    public required string Title { get; set; }
    /// <summary>
    /// Secret ballot (无记名): who voted is recorded (<see cref="FormalVoteParticipation"/>), how they voted only as a
    /// count (<see cref="FormalVoteTally"/>); no ballot row exists, so no row links a voter to a choice.
    /// </summary>
    public bool Secret { get; set; }
    /// <summary>Quorum: checked-in voters must exceed this percentage of the expected voters (50 = more than half).</summary>
    public int QuorumPercent { get; set; } = 50;
    /// <summary>Pass: "for" votes must exceed this percentage of the expected voters (50 = more than half of 应到); see <see cref="VoteRules"/>.</summary>
    public int PassPercent { get; set; } = 50;
    /// <summary>State.</summary>
    public BallotStatus Status { get; set; }
    /// <summary>Participants with voting rights when the vote opened.</summary>
    public int Expected { get; set; }
    /// <summary>Of those, checked in (实到): when the vote opened, then again when it closed.</summary>
    public int Present { get; set; }
    /// <summary>Result: for (copied from the tally when the vote closes; 0 until then).</summary>
    public int For { get; set; }
    /// <summary>Result: against.</summary>
    public int Against { get; set; }
    /// <summary>Result: abstain.</summary>
    public int Abstain { get; set; }
    /// <summary>Whether the quorum was met.</summary>
    public bool? QuorumMet { get; set; }
    /// <summary>Whether the motion passed.</summary>
    public bool? Passed { get; set; }
    /// <summary>When opened.</summary>
    public DateTimeOffset? OpenedAt { get; set; }
    /// <summary>When closed (the result's time).</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>That a participant voted (one per participant per vote); the idempotency key makes a client retry count once.</summary>
public class FormalVoteParticipation
{
    /// <summary>The vote.</summary>
    public Guid VoteId { get; set; }
    /// <summary>The voter.</summary>
    public Guid ParticipantId { get; set; }
    /// <summary>Client-chosen key of the submission.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}

/// <summary>A named ballot (记名表决): who chose what. Secret votes have none, only their <see cref="FormalVoteTally"/>.</summary>
public class FormalBallot
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The vote.</summary>
    public Guid VoteId { get; set; }
    /// <summary>The voter.</summary>
    public Guid ParticipantId { get; set; }
    /// <summary>The voter's name as shown in the room.</summary>
    public string? VoterName { get; set; }
    /// <summary>The choice.</summary>
    public VoteChoice Choice { get; set; }
}
