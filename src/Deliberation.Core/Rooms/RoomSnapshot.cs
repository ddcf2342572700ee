namespace Deliberation.Core.Rooms;

/// <summary>
/// The room as of sequence <see cref="Seq"/>: what a client draws on join before applying later events.
/// <see cref="MyPendingComments"/> are the caller's own comments still waiting for a moderator (shown to the author only).
/// </summary>
public sealed record RoomSnapshot(
    long Seq, Guid Id, string Title, string Status, string PublicAccess, string RoomCode,
    IReadOnlyList<AgendaView> Agenda, Guid? CurrentAgendaItemId, string? Announcement,
    IReadOnlyList<CommentView> Comments, IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<FloorRequestView> FloorQueue, SpeakerView Speaker,
    IReadOnlyList<PollView> Polls, IReadOnlyList<PollTally> Tallies, IReadOnlyList<MyPollAnswer> MyPollAnswers,
    IReadOnlyList<VoteView> Votes, IReadOnlyList<Guid> VotedIds,
    QuestionnaireView? Questionnaire, bool QuestionnaireAnswered, IReadOnlyList<Guid> UpvotedQuestionIds,
    int SpeakingMinutes, IReadOnlyList<CommentView>? MyPendingComments = null);

/// <summary>An agenda item.</summary>
public sealed record AgendaView(Guid Id, int Order, string Title, string? Presenter, int Minutes);

/// <summary>The caller's own answer to a poll.</summary>
public sealed record MyPollAnswer(Guid PollId, IReadOnlyList<int> Choices, int? Rating, string? Text);

/// <summary>A comment waiting for a moderator.</summary>
public sealed record QueuedComment(Guid Id, string AuthorKey, string AuthorName, string Tier, string Text, string Status, string? FlagReason, int Reports, DateTimeOffset At);

/// <summary>A blocked participant.</summary>
public sealed record BlockedView(string Key, string Name);

/// <summary>What moderators must act on.</summary>
public sealed record ModerationQueue(IReadOnlyList<QueuedComment> Comments, IReadOnlyList<QuestionView> Questions, IReadOnlyList<BlockedView> Blocked);
