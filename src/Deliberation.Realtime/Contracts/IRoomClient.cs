using Deliberation.Core.Rooms;

namespace Deliberation.Realtime.Contracts;

/// <summary>Events the server sends to room clients (see docs/realtime-api.md).</summary>
public interface IRoomClient
{
    /// <summary>A batch of the room's sequenced events (at most one batch per room every 100 ms).</summary>
    Task EventsReceived(EventBatch batch);

    /// <summary>People online by tier and the room's last sequence, once a second.</summary>
    Task PresenceChanged(PresenceView presence);

    /// <summary>Live poll results (coalesced: at most 4 a second per poll).</summary>
    Task PollTallied(PollTally tally);

    /// <summary>Question vote counts that changed (coalesced: at most 4 a second).</summary>
    Task QuestionVotesChanged(IReadOnlyList<QuestionVotes> votes);

    /// <summary>A private notice to this participant (comment approved/rejected, question answered, floor granted…).</summary>
    Task NoticeReceived(Notice notice);

    /// <summary>Moderators only: the moderation queue changed.</summary>
    Task ModerationQueueChanged(QueueChange change);

    /// <summary>Moderators only: ballots cast so far in an open formal vote.</summary>
    Task VoteTurnoutChanged(VoteTurnout turnout);

    /// <summary>Moderators only: a questionnaire's live aggregate.</summary>
    Task QuestionnaireTallied(QuestionnaireAggregate aggregate);
}
