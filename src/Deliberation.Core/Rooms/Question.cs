namespace Deliberation.Core.Rooms;

/// <summary>A question (提问) asked in a room.</summary>
public class Question
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session.</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>Who asked: participant key.</summary>
    public required string AuthorKey { get; set; }
    /// <summary>Name shown.</summary>
    public required string AuthorName { get; set; }
    /// <summary>The asker's tier.</summary>
    public Consultations.ParticipantTier Tier { get; set; }
    /// <summary>Plain text, at most 300 characters.</summary>
    public required string Text { get; set; }
    /// <summary>State.</summary>
    public QuestionStatus Status { get; set; }
    /// <summary>Distinct upvotes, including those merged in.</summary>
    public int Votes { get; set; }
    /// <summary>Questions merged into this one.</summary>
    public int MergedCount { get; set; }
    /// <summary>When merged: the question that absorbed this one.</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>Who answered (e.g. 市住建局 李文斌) — a department's on-the-spot response (现场回应).</summary>
    public string? AnsweredBy { get; set; }
    /// <summary>Short text of the answer.</summary>
    public string? AnswerText { get; set; }
    /// <summary>When answered.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>Why it went to the queue.</summary>
    public string? FlagReason { get; set; }
    /// <summary>Asking time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One participant's upvote of a question.</summary>
public class QuestionVote
{
    /// <summary>The question.</summary>
    public Guid QuestionId { get; set; }
    /// <summary>The voter's participant key.</summary>
    public required string VoterKey { get; set; }
}
