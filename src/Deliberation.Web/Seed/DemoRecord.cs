using Deliberation.Core.Rooms;

namespace Deliberation.Web.Seed;

/// <summary>The shape of Seed/demo-record.json: the live record of a demo session, for the minutes to compile.</summary>
public sealed record DemoRecord(
    string Title, string Summary, string SourceSessionTitle, int StartedMinutesAgo, int DurationMinutes, int PeakOnline, int AbsentMembers,
    DemoSpeech[] Speeches, DemoComment[] Comments, DemoQuestion[] Questions, DemoPoll[] Polls, DemoVote Vote, DemoRoomOutcome[] Outcomes);

/// <summary><c>Speaker</c> is a participant's name, or <c>member:N</c> for the Nth member of the session.</summary>
public sealed record DemoSpeech(string Speaker, SpeechKind Kind, string Topic, string Text);

public sealed record DemoComment(string Author, string Text, int Likes, CommentStatus Status = CommentStatus.Approved, string? Reason = null);

public sealed record DemoQuestion(string Key, string Author, string Text, QuestionStatus Status, int Votes, string? AnsweredBy = null, string? Answer = null, string? MergedInto = null);

/// <summary>Counts per option (single choice) or per score 1–5 (rating).</summary>
public sealed record DemoPoll(string Title, PollKind Kind, string[]? Options, int[] Counts);

public sealed record DemoVote(string Title, int For, int Against, int Abstain);

/// <summary>Sources are <c>speech:N</c> (index in Speeches), <c>question:KEY</c> or <c>comment:N</c>.</summary>
public sealed record DemoRoomOutcome(OutcomeKind Kind, string Text, string[] Sources, string? Department = null);
