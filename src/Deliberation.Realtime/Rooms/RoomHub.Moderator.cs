using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;

namespace Deliberation.Realtime.Rooms;

public sealed partial class RoomHub
{
    /// <summary>Moderator: shows a queued or report-hidden comment.</summary>
    public async Task ApproveComment(Guid commentId) { var (r, a) = Current(); await Apply(r, await commands.ApproveCommentAsync(r, a, commentId, Ct)); }

    /// <summary>Moderator: rejects a queued comment with a reason the author sees.</summary>
    public async Task RejectComment(ModerateRequest request) { var (r, a) = Current(); await Apply(r, await commands.RejectCommentAsync(r, a, request.Id, request.Reason, Ct)); }

    /// <summary>Moderator: hides a shown comment.</summary>
    public async Task HideComment(ModerateRequest request) { var (r, a) = Current(); await Apply(r, await commands.HideCommentAsync(r, a, request.Id, request.Reason, Ct)); }

    /// <summary>Moderator: pins or unpins a comment.</summary>
    public async Task PinComment(Guid commentId, bool pinned) { var (r, a) = Current(); await Apply(r, await commands.PinCommentAsync(r, a, commentId, pinned, Ct)); }

    /// <summary>Moderator: blocks a participant (by key, as the queue shows it) for this session.</summary>
    public async Task BlockParticipant(string participantKey, string displayName) { var (r, a) = Current(); await Apply(r, await commands.BlockAsync(r, a, participantKey, displayName, Ct)); }

    /// <summary>Moderator: lifts a block.</summary>
    public async Task UnblockParticipant(string participantKey) { var (r, a) = Current(); await Apply(r, await commands.UnblockAsync(r, a, participantKey, Ct)); }

    /// <summary>Moderator: shows a queued question.</summary>
    public async Task ApproveQuestion(Guid questionId) { var (r, a) = Current(); await Apply(r, await commands.ApproveQuestionAsync(r, a, questionId, Ct)); }

    /// <summary>Moderator: merges a duplicate question into another.</summary>
    public async Task MergeQuestions(Guid sourceId, Guid targetId) { var (r, a) = Current(); await Apply(r, await commands.MergeQuestionsAsync(r, a, sourceId, targetId, Ct)); }

    /// <summary>Moderator: marks a question as being answered now.</summary>
    public async Task MarkAnswering(Guid questionId) { var (r, a) = Current(); await Apply(r, await commands.MarkAnsweringAsync(r, a, questionId, Ct)); }

    /// <summary>Moderator: records who answered a question and how.</summary>
    public async Task AnswerQuestion(AnswerRequest request) { var (r, a) = Current(); await Apply(r, await commands.AnswerQuestionAsync(r, a, request.Id, request.AnsweredBy, request.Text, Ct)); }

    /// <summary>Moderator: hides a question.</summary>
    public async Task HideQuestion(Guid questionId) { var (r, a) = Current(); await Apply(r, await commands.HideQuestionAsync(r, a, questionId, Ct)); }

    /// <summary>Moderator: reorders the speaking queue.</summary>
    public async Task ReorderFloor(IReadOnlyList<Guid> order) { var (r, a) = Current(); await Apply(r, await commands.ReorderFloorAsync(r, a, order, Ct)); }

    /// <summary>Moderator: gives the floor; the countdown starts.</summary>
    public async Task GrantFloor(Guid speechId) { var (r, a) = Current(); await Apply(r, await commands.GrantFloorAsync(r, a, speechId, Ct)); }

    /// <summary>Moderator: ends the current speech.</summary>
    public async Task EndSpeech(Guid speechId) { var (r, a) = Current(); await Apply(r, await commands.EndSpeechAsync(r, a, speechId, Ct)); }

    /// <summary>Moderator: declines a request for the floor.</summary>
    public async Task DeclineFloor(Guid speechId) { var (r, a) = Current(); await Apply(r, await commands.DeclineFloorAsync(r, a, speechId, Ct)); }

    /// <summary>Moderator: prepares a poll.</summary>
    public async Task<object?> CreatePoll(PollDraft draft) { var (r, a) = Current(); return await Apply(r, await commands.CreatePollAsync(r, a, draft, Ct)); }

    /// <summary>Moderator: opens a poll.</summary>
    public async Task OpenPoll(Guid pollId) { var (r, a) = Current(); await Apply(r, await commands.OpenPollAsync(r, a, pollId, Ct)); }

    /// <summary>Moderator: closes a poll.</summary>
    public async Task ClosePoll(Guid pollId) { var (r, a) = Current(); await Apply(r, await commands.ClosePollAsync(r, a, pollId, Ct)); }

    /// <summary>Moderator: prepares a formal vote.</summary>
    public async Task<object?> CreateVote(VoteDraft draft) { var (r, a) = Current(); return await Apply(r, await commands.CreateVoteAsync(r, a, draft, Ct)); }

    /// <summary>Moderator: opens a formal vote.</summary>
    public async Task OpenVote(Guid voteId) { var (r, a) = Current(); await Apply(r, await commands.OpenVoteAsync(r, a, voteId, Ct)); }

    /// <summary>Moderator: closes a formal vote and records the result.</summary>
    public async Task<object?> CloseVote(Guid voteId) { var (r, a) = Current(); return await Apply(r, await commands.CloseVoteAsync(r, a, voteId, Ct)); }

    /// <summary>Moderator: prepares a questionnaire for this room.</summary>
    public async Task<object?> CreateQuestionnaire(QuestionnaireDraft draft)
    {
        var (r, a) = Current();
        await commands.RequireModeratorAsync(r, a, "questionnaire.create", Ct);
        var room = await access.FindAsync(r, Ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);
        var q = await commands.CreateQuestionnaireAsync(room.OrganizationId, r, new Actor(a.UserId, a.Name), draft, Ct);
        return q.Id;
    }

    /// <summary>Moderator: opens the questionnaire in the room.</summary>
    public async Task OpenQuestionnaire(Guid questionnaireId) { var (r, a) = Current(); await Apply(r, await commands.SetQuestionnaireOpenAsync(r, a, questionnaireId, true, Ct)); }

    /// <summary>Moderator: closes the questionnaire.</summary>
    public async Task CloseQuestionnaire(Guid questionnaireId) { var (r, a) = Current(); await Apply(r, await commands.SetQuestionnaireOpenAsync(r, a, questionnaireId, false, Ct)); }

    /// <summary>Moderator: moves to an agenda item (null clears).</summary>
    public async Task SetAgendaItem(Guid? agendaItemId) { var (r, a) = Current(); await Apply(r, await commands.SetAgendaItemAsync(r, a, agendaItemId, Ct)); }

    /// <summary>Moderator: announces something to everyone (empty clears).</summary>
    public async Task Announce(string? text) { var (r, a) = Current(); await Apply(r, await commands.AnnounceAsync(r, a, text, Ct)); }

    /// <summary>Staff: checks in (签到) a participant present in the hall.</summary>
    public async Task<object?> CheckIn(Guid participantId) { var (r, a) = Current(); return await Apply(r, await commands.CheckInAsync(r, a, participantId, Ct)); }

    /// <summary>Moderator: records a consensus item, disagreement, recommendation or next step.</summary>
    public async Task<object?> RecordOutcome(OutcomeRequest request)
    {
        var (r, a) = Current();
        return await Apply(r, await commands.RecordOutcomeAsync(r, a, request.Kind, request.Text, request.DepartmentId, request.SourceRefs, Ct));
    }

    /// <summary>Moderator: changes moderation settings (pre-moderation, speaking time, report threshold, interval, 敏感词).</summary>
    public async Task UpdateSettings(SettingsRequest s)
    {
        var (r, a) = Current();
        await Apply(r, await commands.UpdateSettingsAsync(r, a, s.PreModeratePublic, s.PreModerateMembers, s.SpeakingMinutes, s.ReportThreshold,
            s.PublicCommentIntervalSeconds, s.SensitiveWords, Ct));
    }

    /// <summary>Moderator: starts (Live) or ends (Ended) the session.</summary>
    public async Task ChangeStatus(ConsultationStatus status)
    {
        var (r, a) = Current();
        await Apply(r, await commands.ChangeStatusAsync(r, a, status, Ct));
        foreach (var listener in lifecycle) await listener.StatusChangedAsync(r, status, Ct);
    }

    /// <summary>Moderator: the compile progress of the minutes of an ended session (null before it ends).</summary>
    public async Task<MinutesProgressRow?> GetMinutesProgress()
    {
        var (r, a) = Current();
        await commands.RequireModeratorAsync(r, a, "room.console", Ct);
        return await consoleQueries.MinutesAsync(r, Ct);
    }

    /// <summary>Moderator: what the console shows besides the room itself.</summary>
    public async Task<ConsoleState> GetConsoleState()
    {
        var (r, a) = Current();
        await commands.RequireModeratorAsync(r, a, "room.console", Ct);
        return await consoleQueries.LoadAsync(r, Ct);
    }
}
