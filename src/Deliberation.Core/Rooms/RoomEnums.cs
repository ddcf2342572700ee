namespace Deliberation.Core.Rooms;

/// <summary>Moderation state of a comment (留言).</summary>
public enum CommentStatus
{
    /// <summary>Waiting in the moderation queue; only moderators see it.</summary>
    Pending,
    /// <summary>Shown to the room.</summary>
    Approved,
    /// <summary>Refused by a moderator, with a reason; never shown, never in the minutes.</summary>
    Rejected,
    /// <summary>Taken down after being shown (by a moderator or by reports); not in the minutes.</summary>
    Hidden,
}

/// <summary>State of a question (提问).</summary>
public enum QuestionStatus
{
    /// <summary>Waiting in the moderation queue (sensitive words, or a pre-moderated room).</summary>
    Pending,
    /// <summary>Visible, collecting votes.</summary>
    Open,
    /// <summary>Being answered now (正在回答).</summary>
    Answering,
    /// <summary>Answered (已回答), with who answered and a short text.</summary>
    Answered,
    /// <summary>Merged into another question; its votes moved there.</summary>
    Merged,
    /// <summary>Taken down by a moderator.</summary>
    Hidden,
}

/// <summary>How a speaker takes the floor.</summary>
public enum SpeechKind
{
    /// <summary>口头发言</summary>
    Oral,
    /// <summary>书面发言 (with its text)</summary>
    Written,
}

/// <summary>State of a request for the floor (申请发言) and the speech it becomes.</summary>
public enum SpeechStatus
{
    /// <summary>In the queue.</summary>
    Queued,
    /// <summary>Has the floor now.</summary>
    Speaking,
    /// <summary>Finished; start and end times recorded.</summary>
    Done,
    /// <summary>Withdrawn by the speaker.</summary>
    Withdrawn,
    /// <summary>Declined by the moderator.</summary>
    Declined,
}

/// <summary>Kind of poll (投票).</summary>
public enum PollKind
{
    /// <summary>单选</summary>
    Single,
    /// <summary>多选 (up to MaxChoices)</summary>
    Multiple,
    /// <summary>评分 1–5</summary>
    Rating,
    /// <summary>词云 (short text)</summary>
    WordCloud,
}

/// <summary>Life cycle of polls, formal votes and questionnaires.</summary>
public enum BallotStatus
{
    /// <summary>Prepared, not yet open.</summary>
    Draft,
    /// <summary>Accepting answers.</summary>
    Open,
    /// <summary>Closed; results are final.</summary>
    Closed,
}

/// <summary>A choice in a formal vote (表决).</summary>
public enum VoteChoice
{
    /// <summary>赞成</summary>
    For,
    /// <summary>反对</summary>
    Against,
    /// <summary>弃权</summary>
    Abstain,
}

/// <summary>Kind of a questionnaire item.</summary>
public enum QuestionnaireItemKind
{
    /// <summary>单选</summary>
    Single,
    /// <summary>多选</summary>
    Multiple,
    /// <summary>填空 (free text)</summary>
    Text,
    /// <summary>评分 1–5</summary>
    Rating,
}

/// <summary>What a moderator records when the room confirms an outcome (确认共识).</summary>
public enum OutcomeKind
{
    /// <summary>会议共识</summary>
    Consensus,
    /// <summary>分歧 (open disagreement)</summary>
    Disagreement,
    /// <summary>意见建议 (a recommendation; becomes a follow-up item when minutes are published)</summary>
    Recommendation,
    /// <summary>下一步工作</summary>
    NextStep,
}
