using System.Text.Json;
using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Contracts;

/// <summary>One sequenced event as clients receive it.</summary>
/// <param name="Seq">Per-room, gap-free, increasing.</param>
/// <param name="Type">Event name (see <see cref="RoomEventTypes"/>).</param>
/// <param name="At">Commit time.</param>
/// <param name="Data">The payload.</param>
public sealed record RoomEventMessage(long Seq, string Type, DateTimeOffset At, JsonElement Data)
{
    /// <summary>Converts a committed event.</summary>
    public static RoomEventMessage From(CommittedEvent e)
    {
        using var doc = JsonDocument.Parse(e.Payload);
        return new RoomEventMessage(e.Seq, e.Type, e.At, doc.RootElement.Clone());
    }
}

/// <summary>Events of one room, in sequence order.</summary>
public sealed record EventBatch(Guid RoomId, IReadOnlyList<RoomEventMessage> Events);

/// <summary>Joining a room: by id or by six-digit code, with the last sequence seen when resuming.</summary>
public sealed record JoinRequest(Guid? RoomId, string? RoomCode, long? LastSeq, bool Screen = false);

/// <summary>
/// The answer to a join. A fresh join gets a <see cref="Snapshot"/>; a resume (LastSeq given and not too far
/// behind) gets <see cref="Missed"/>, the events after LastSeq in order, no snapshot, and the counts that are state
/// rather than events as they are now: <see cref="Tallies"/> (open polls) and <see cref="QuestionVotes"/>.
/// </summary>
public sealed record JoinResult(Guid RoomId, Me Me, RoomSnapshot? Snapshot, IReadOnlyList<RoomEventMessage>? Missed, PresenceView Presence,
    IReadOnlyList<PollTally> Tallies, IReadOnlyList<QuestionVotes>? QuestionVotes = null);

/// <summary>Who the caller is in the room, as the server decided.</summary>
public sealed record Me(string Key, string Name, string Tier, bool CanModerate, bool MayInteract, bool MayTakeFloor, bool MayVote);

/// <summary>A question's vote count.</summary>
public sealed record QuestionVotes(Guid Id, int Votes);

/// <summary>A private notice; <see cref="Code"/> is localised by the client.</summary>
/// <param name="Code">What happened, e.g. <c>comment.rejected</c>.</param>
/// <param name="Detail">Text shown with it (a moderator's reason), or an id for older notices.</param>
/// <param name="ItemId">The comment, question or speech the notice is about, when there is one.</param>
public sealed record Notice(string Code, string? Detail, Guid? ItemId = null);

/// <summary>A moderation-queue change.</summary>
public sealed record QueueChange(string Kind, Guid ItemId, string Change, object? Item = null);

/// <summary>Ballots cast so far.</summary>
public sealed record VoteTurnout(Guid VoteId, int Cast);
