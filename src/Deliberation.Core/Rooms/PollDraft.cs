namespace Deliberation.Core.Rooms;

/// <summary>What a moderator fills in to prepare a poll.</summary>
public sealed record PollDraft(string Title, PollKind Kind, IReadOnlyList<string>? Options, int MaxChoices, bool ShowResultsLive, bool AllowChange);

/// <summary>What a moderator fills in to prepare a formal vote.</summary>
public sealed record VoteDraft(string Title, bool Secret, int QuorumPercent, int PassPercent);

/// <summary>What a moderator or staff member fills in to prepare a questionnaire.</summary>
public sealed record QuestionnaireDraft(string Title, string? Description, bool Anonymous, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    IReadOnlyList<QuestionnaireItem> Items);
