namespace Deliberation.Core.Rooms;

/// <summary>A side effect of a room action that is not part of the sequenced stream.</summary>
public abstract record RoomEffect;

/// <summary>A private notice to one participant (e.g. "your comment was rejected: reason").</summary>
/// <param name="ParticipantKey">Who gets it.</param>
/// <param name="Code">Localisable notice code, e.g. <c>comment.rejected</c>.</param>
/// <param name="Detail">Optional detail (reason, item id).</param>
/// <param name="ItemId">The comment, question or speech it is about, so the client can mark that item.</param>
public sealed record NoticeEffect(string ParticipantKey, string Code, string? Detail, Guid? ItemId = null) : RoomEffect;

/// <summary>The moderation queue changed: moderators patch their copy of it.</summary>
/// <param name="Kind">comment or question.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Change">added or removed.</param>
/// <param name="Item">For added: the queued item as the queue lists it, so a busy console need not reload the queue.</param>
public sealed record QueueEffect(string Kind, Guid ItemId, string Change, object? Item = null) : RoomEffect;

/// <summary>A poll's tallies changed; pushed coalesced.</summary>
public sealed record PollDirtyEffect(Guid PollId) : RoomEffect;

/// <summary>A question's vote count changed; pushed coalesced.</summary>
public sealed record QuestionVotesEffect(Guid QuestionId, int Votes) : RoomEffect;

/// <summary>A formal vote got a ballot; moderators see the turnout live.</summary>
public sealed record VoteTurnoutEffect(Guid VoteId, int Cast) : RoomEffect;

/// <summary>A questionnaire got a response; moderators see the aggregate live.</summary>
public sealed record QuestionnaireDirtyEffect(Guid QuestionnaireId) : RoomEffect;

/// <summary>What a room action produced: its committed events, side effects and a value for the caller.</summary>
public sealed record RoomResult(IReadOnlyList<CommittedEvent> Events, IReadOnlyList<RoomEffect> Effects, object? Value = null)
{
    /// <summary>Nothing happened that others must hear of.</summary>
    public static readonly RoomResult None = new([], []);
}
