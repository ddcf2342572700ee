using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;

namespace Deliberation.Realtime.Rooms;

public sealed partial class RoomHub
{
    /// <summary>Posts a comment (留言). Returns its id and whether it is shown or awaits moderation.</summary>
    public async Task<object?> PostComment(string text)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.PostCommentAsync(roomId, actor, text, Ct, s => limiter.TakePost(roomId, actor.Key, Address, s)));
    }

    /// <summary>Reports a comment as inappropriate.</summary>
    public async Task ReportComment(Guid commentId)
    {
        var (roomId, actor) = Current();
        await Apply(roomId, await commands.ReportCommentAsync(roomId, actor, commentId, Ct));
    }

    /// <summary>Asks a question (提问).</summary>
    public async Task<object?> AskQuestion(string text)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.AskQuestionAsync(roomId, actor, text, Ct, s => limiter.TakePost(roomId, actor.Key, Address, s)));
    }

    /// <summary>Upvotes a question; returns false when this person had already voted.</summary>
    public async Task<object?> UpvoteQuestion(Guid questionId)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.UpvoteQuestionAsync(roomId, actor, questionId, Ct));
    }

    /// <summary>Requests the floor (申请发言), oral or written.</summary>
    public async Task<object?> RequestFloor(FloorRequest request)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.RequestFloorAsync(roomId, actor, request.Kind, request.Topic, request.Text, Ct));
    }

    /// <summary>Withdraws one's own request for the floor.</summary>
    public async Task WithdrawFloor(Guid speechId)
    {
        var (roomId, actor) = Current();
        await Apply(roomId, await commands.WithdrawFloorAsync(roomId, actor, speechId, Ct));
    }

    /// <summary>Answers a poll (投票).</summary>
    public async Task<object?> AnswerPoll(PollAnswerRequest request)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.AnswerPollAsync(roomId, actor, request.PollId, request.Choices, request.Rating, request.Text, Ct));
    }

    /// <summary>Casts a ballot in a formal vote (表决); a retry with the same key counts once.</summary>
    public async Task<object?> CastVote(BallotRequest request)
    {
        var (roomId, actor) = Current();
        return await Apply(roomId, await commands.CastVoteAsync(roomId, actor, request.VoteId, request.Choice, request.IdempotencyKey, Ct));
    }

    /// <summary>Submits a response to the room's questionnaire (问卷).</summary>
    public async Task<object?> SubmitQuestionnaire(QuestionnaireSubmission submission)
    {
        var (roomId, actor) = Current();
        RequireInteract(actor);
        await access.RequireQuestionnaireInRoomAsync(roomId, submission.QuestionnaireId, Ct);
        return await Apply(roomId, await commands.SubmitQuestionnaireAsync(submission.QuestionnaireId, actor.Key, actor.Name, submission.Answers, Ct));
    }

    private static void RequireInteract(RoomActor actor)
    {
        if (!actor.MayInteract) throw RoomErrors.Fail(actor.IsAnonymousWatcher ? RoomErrors.NameRequired : RoomErrors.WatchOnly);
    }
}
