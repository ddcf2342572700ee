namespace Deliberation.Core.Rooms;

/// <summary>A questionnaire (问卷): opened in a room, or published on its own by link (网络问卷).</summary>
public class Questionnaire
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session it belongs to, if any.</summary>
    public Guid? ConsultationId { get; set; }
    /// <summary>The owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>Introduction shown above the items.</summary>
    public string? Description { get; set; }
    /// <summary>Anonymous responses keep no name.</summary>
    public bool Anonymous { get; set; } = true;
    /// <summary>Opens by itself at this time (stand-alone questionnaires).</summary>
    public DateTimeOffset? StartsAt { get; set; }
    /// <summary>Closes by itself at this time.</summary>
    public DateTimeOffset? EndsAt { get; set; }
    /// <summary>State.</summary>
    public BallotStatus Status { get; set; }
    /// <summary>The items, in order (stored as JSON).</summary>
    public List<QuestionnaireItem> Items { get; set; } = [];
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One item of a questionnaire.</summary>
public class QuestionnaireItem
{
    /// <summary>Stable key of the item within its questionnaire ("q1"…), given by the server when the questionnaire is created.</summary>
    public string Key { get; set; } = "";
    /// <summary>The question.</summary>
    public required string Text { get; set; }
    /// <summary>Kind.</summary>
    public QuestionnaireItemKind Kind { get; set; }
    /// <summary>Options of single and multiple choice items.</summary>
    public List<string> Options { get; set; } = [];
    /// <summary>An answer is required.</summary>
    public bool Required { get; set; }
}

/// <summary>One person's response to a questionnaire (one per respondent).</summary>
public class QuestionnaireResponse
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The questionnaire.</summary>
    public Guid QuestionnaireId { get; set; }
    /// <summary>The respondent's participant key (kept even when anonymous, to allow one response per person).</summary>
    public required string RespondentKey { get; set; }
    /// <summary>The respondent's name; null when the questionnaire is anonymous.</summary>
    public string? RespondentName { get; set; }
    /// <summary>Answers by item key: option indexes, a rating, or text.</summary>
    public List<QuestionnaireAnswer> Answers { get; set; } = [];
    /// <summary>When submitted.</summary>
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>The answer to one questionnaire item.</summary>
public class QuestionnaireAnswer
{
    /// <summary>The item's key.</summary>
    public required string Key { get; set; }
    /// <summary>Chosen option indexes.</summary>
    public List<int> Choices { get; set; } = [];
    /// <summary>Rating 1–5.</summary>
    public int? Rating { get; set; }
    /// <summary>Free text.</summary>
    public string? Text { get; set; }
}
