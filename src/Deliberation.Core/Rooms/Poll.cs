namespace Deliberation.Core.Rooms;

/// <summary>A poll (投票) in a room: single, multiple, rating or word cloud.</summary>
public class Poll
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The question asked.</summary>
    public required string Title { get; set; }
    /// <summary>Kind.</summary>
    public PollKind Kind { get; set; }
    /// <summary>Options for single and multiple choice.</summary>
    public List<string> Options { get; set; } = [];
    /// <summary>Most options one person may pick (multiple choice).</summary>
    public int MaxChoices { get; set; } = 1;
    /// <summary>Results pushed live while open (else shown when closed).</summary>
    public bool ShowResultsLive { get; set; } = true;
    /// <summary>A second answer replaces the first.</summary>
    public bool AllowChange { get; set; } = true;
    /// <summary>State.</summary>
    public BallotStatus Status { get; set; }
    /// <summary>When opened.</summary>
    public DateTimeOffset? OpenedAt { get; set; }
    /// <summary>When closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Grows by one in the transaction of every answer, so a tally read together with it names the state it counts
    /// (see <see cref="PollTally.Version"/>); the same on every node.
    /// </summary>
    public long TallyVersion { get; set; }
}

/// <summary>One person's answer to a poll.</summary>
public class PollAnswer
{
    /// <summary>The poll.</summary>
    public Guid PollId { get; set; }
    /// <summary>The voter's participant key.</summary>
    public required string VoterKey { get; set; }
    /// <summary>Chosen option indexes (single/multiple).</summary>
    public List<int> Choices { get; set; } = [];
    /// <summary>Rating 1–5.</summary>
    public int? Rating { get; set; }
    /// <summary>Word-cloud text.</summary>
    public string? Text { get; set; }
    /// <summary>Last answer time.</summary>
    public DateTimeOffset At { get; set; }
}
