namespace Deliberation.Core.Rooms;

/// <summary>Names of the events in a room's public, sequenced stream (see docs/realtime-api.md).</summary>
public static class RoomEventTypes
{
    /// <summary>A comment became visible.</summary>
    public const string CommentShown = "CommentShown";
    /// <summary>A visible comment was hidden.</summary>
    public const string CommentRemoved = "CommentRemoved";
    /// <summary>A comment was pinned or unpinned.</summary>
    public const string CommentPinned = "CommentPinned";
    /// <summary>A question became visible.</summary>
    public const string QuestionAsked = "QuestionAsked";
    /// <summary>A question's status, answer or merge changed.</summary>
    public const string QuestionUpdated = "QuestionUpdated";
    /// <summary>The speaking queue changed.</summary>
    public const string FloorQueueChanged = "FloorQueueChanged";
    /// <summary>A speaker got or left the floor.</summary>
    public const string SpeakerChanged = "SpeakerChanged";
    /// <summary>The current agenda item changed.</summary>
    public const string AgendaItemChanged = "AgendaItemChanged";
    /// <summary>The moderator made an announcement.</summary>
    public const string AnnouncementMade = "AnnouncementMade";
    /// <summary>A poll opened.</summary>
    public const string PollOpened = "PollOpened";
    /// <summary>A poll closed, with its final results.</summary>
    public const string PollClosed = "PollClosed";
    /// <summary>A formal vote opened.</summary>
    public const string VoteOpened = "VoteOpened";
    /// <summary>A formal vote closed, with its result.</summary>
    public const string VoteClosed = "VoteClosed";
    /// <summary>A questionnaire opened in the room.</summary>
    public const string QuestionnaireOpened = "QuestionnaireOpened";
    /// <summary>A questionnaire closed.</summary>
    public const string QuestionnaireClosed = "QuestionnaireClosed";
    /// <summary>The session went live or ended.</summary>
    public const string RoomStatusChanged = "RoomStatusChanged";
    /// <summary>The broadcast's state or its big-screen danmaku setting changed (clients refetch the stream info).</summary>
    public const string StreamChanged = "StreamChanged";
}

/// <summary>A committed event ready to broadcast: its sequence, name, time and JSON payload.</summary>
public sealed record CommittedEvent(Guid ConsultationId, long Seq, string Type, DateTimeOffset At, string Payload);

/// <summary>A comment as clients see it.</summary>
public sealed record CommentView(Guid Id, string AuthorName, string Tier, string? Sector, string Text, bool Pinned, DateTimeOffset At);

/// <summary>A question as clients see it.</summary>
public sealed record QuestionView(
    Guid Id, string AuthorName, string Tier, string Text, string Status, int Votes, int MergedCount,
    Guid? MergedIntoId, string? AnsweredBy, string? AnswerText, DateTimeOffset At);

/// <summary>An entry of the speaking queue as clients see it.</summary>
public sealed record FloorRequestView(Guid Id, string SpeakerName, string Tier, string? Sector, string Kind, string? Topic, string Status, int Position);

/// <summary>The speaker holding the floor (null fields when nobody speaks).</summary>
public sealed record SpeakerView(Guid? SpeechId, string? SpeakerName, string? Tier, string? Sector, string? Kind, string? Topic, string? Text,
    DateTimeOffset? StartedAt, int AllowedSeconds);

/// <summary>A poll as clients see it.</summary>
public sealed record PollView(Guid Id, string Title, string Kind, IReadOnlyList<string> Options, int MaxChoices, bool ShowResultsLive, bool AllowChange, string Status);

/// <summary>Current poll results: counts per option, rating distribution or top words.</summary>
public sealed record PollTally(Guid PollId, int Respondents, IReadOnlyList<int> Counts, double? AverageRating, IReadOnlyList<WordCount> Words,
    long Version = 0);

/// <summary>A word of a word cloud and how many gave it.</summary>
public sealed record WordCount(string Word, int Count);

/// <summary>A formal vote as clients see it; counts only once closed.</summary>
public sealed record VoteView(Guid Id, string Title, bool Secret, int QuorumPercent, int PassPercent, string Status,
    int Expected, int Present, int? For, int? Against, int? Abstain, bool? QuorumMet, bool? Passed, DateTimeOffset? ClosedAt);

/// <summary>A questionnaire as clients see it.</summary>
public sealed record QuestionnaireView(Guid Id, string Title, string? Description, bool Anonymous, string Status, IReadOnlyList<QuestionnaireItem> Items);

/// <summary>
/// Presence: people online by tier, and the room's last committed sequence so a client that lost the last batch
/// notices the trailing gap and resumes.
/// </summary>
public sealed record PresenceView(int Total, IReadOnlyDictionary<string, int> ByTier, long Seq = 0, int Peak = 0, int TotalViewers = 0);
