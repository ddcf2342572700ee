using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Contracts;

/// <summary>Moderation of an item with an optional reason.</summary>
public sealed record ModerateRequest(Guid Id, string? Reason);

/// <summary>A request for the floor.</summary>
public sealed record FloorRequest(SpeechKind Kind, string? Topic, string? Text);

/// <summary>An answer to a poll: option indexes, a rating or a word.</summary>
public sealed record PollAnswerRequest(Guid PollId, IReadOnlyList<int>? Choices, int? Rating, string? Text);

/// <summary>A ballot in a formal vote; the idempotency key makes retries count once.</summary>
public sealed record BallotRequest(Guid VoteId, VoteChoice Choice, string IdempotencyKey);

/// <summary>An answer to a question.</summary>
public sealed record AnswerRequest(Guid Id, string? AnsweredBy, string? Text);

/// <summary>An outcome recorded in the room.</summary>
public sealed record OutcomeRequest(OutcomeKind Kind, string Text, Guid? DepartmentId, IReadOnlyList<string>? SourceRefs);

/// <summary>The room's moderation settings.</summary>
public sealed record SettingsRequest(bool PreModeratePublic, bool PreModerateMembers, int SpeakingMinutes, int ReportThreshold,
    int PublicCommentIntervalSeconds, IReadOnlyList<string> SensitiveWords);

/// <summary>A response to a questionnaire.</summary>
public sealed record QuestionnaireSubmission(Guid QuestionnaireId, IReadOnlyList<QuestionnaireAnswer> Answers);

/// <summary>What the console needs besides the snapshot: drafts, queue, participants, settings.</summary>
public sealed record ConsoleState(ModerationQueue Queue, IReadOnlyList<PollView> Polls, IReadOnlyList<VoteView> Votes,
    IReadOnlyList<QuestionnaireView> Questionnaires, IReadOnlyList<ParticipantRow> Participants, SettingsRequest Settings,
    IReadOnlyList<DepartmentRow> Departments, IReadOnlyList<OutcomeRow> Outcomes, MinutesProgressRow? Minutes = null);

/// <summary>Where the compile of an ended session's minutes stands (the console links to it).</summary>
public sealed record MinutesProgressRow(Guid Id, string State, int Progress);

/// <summary>A participant as the console lists it (for check-in).</summary>
public sealed record ParticipantRow(Guid Id, string Name, string Tier, string? Affiliation, bool HasVotingRight, DateTimeOffset? CheckedInAt);

/// <summary>A department to propose as handler of a recommendation.</summary>
public sealed record DepartmentRow(Guid Id, string Name);

/// <summary>An outcome recorded so far.</summary>
public sealed record OutcomeRow(Guid Id, string Kind, int Position, string Text, Guid? DepartmentId);
