using System.Text.Json;
using Deliberation.Core.Rooms;
using Deliberation.Core.Streaming;

namespace Deliberation.Core.Tests.Streaming;

/// <summary>The replay's timeline: which room events become moments, what they say, and where they are in the video.</summary>
public class TimelineBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 12, 2, 0, 0, TimeSpan.Zero); // 10:00 Beijing time
    private static readonly JsonSerializerOptions Json = RoomUnit.Json;

    private readonly List<RoomEvent> _events = [];

    private void Add(string type, object payload, double atSeconds) => _events.Add(new RoomEvent
    {
        ConsultationId = Guid.Empty, Seq = _events.Count + 1, Type = type, Payload = JsonSerializer.Serialize(payload, Json), At = T0.AddSeconds(atSeconds),
    });

    private static StreamRecording Rec(double start, double? end, string name = "") => new()
    {
        FileName = name.Length > 0 ? name : $"abc-{start}.mp4", StartedAt = T0.AddSeconds(start), EndedAt = end is { } e ? T0.AddSeconds(e) : null,
    };

    private static object Stream(string state, double at) => new { State = state, At = T0.AddSeconds(at), DanmakuOnScreen = false };

    private SessionTimeline Build(params StreamRecording[] recordings) => TimelineBuilder.Build(_events, recordings);

    [Fact]
    public void EachKindOfEvent_BecomesItsMoment_WithWhatItSays()
    {
        var speechId = Guid.NewGuid();
        Add(RoomEventTypes.StreamChanged, Stream("live", 0), 0);
        Add(RoomEventTypes.AgendaItemChanged, new { Id = Guid.NewGuid(), Order = 1, Title = "部门通报情况", Presenter = "市住建局" }, 10);
        Add(RoomEventTypes.SpeakerChanged, new SpeakerView(speechId, "张委员", "Member", "经济界", "Oral", "老旧小区加装电梯", null, T0.AddSeconds(60), 300), 60);
        Add(RoomEventTypes.SpeakerChanged, RoomCommands.NoSpeaker, 300);
        Add(RoomEventTypes.SpeakerChanged, new SpeakerView(Guid.NewGuid(), "李科长", "Department", "市住建局", "Oral", null, null, T0.AddSeconds(320), 300), 320);
        var q = new QuestionView(Guid.NewGuid(), "王女士", "Public", "加装电梯费用谁出？", "Answered", 12, 0, null, "市住建局", "政府补贴一部分", T0);
        Add(RoomEventTypes.QuestionUpdated, q with { Status = "Answering", AnsweredBy = null, AnswerText = null }, 400);
        Add(RoomEventTypes.QuestionUpdated, q, 420);
        var poll = new PollView(Guid.NewGuid(), "您支持加装电梯吗？", "Single", ["支持", "反对"], 1, true, true, "Open");
        Add(RoomEventTypes.PollOpened, poll, 500);
        Add(RoomEventTypes.PollClosed, new { Poll = poll with { Status = "Closed" }, Tally = new PollTally(poll.Id, 30, [25, 5], null, []) }, 560);
        var vote = new VoteView(Guid.NewGuid(), "关于加装电梯的建议案", false, 50, 50, "Open", 10, 9, null, null, null, null, null, null);
        Add(RoomEventTypes.VoteOpened, vote, 600);
        Add(RoomEventTypes.VoteClosed, vote with { Status = "Closed", For = 7, Against = 1, Abstain = 1, QuorumMet = true, Passed = true, ClosedAt = T0.AddSeconds(650) }, 650);
        Add(RoomEventTypes.AnnouncementMade, new { Text = "会议休息十分钟", By = "主持人" }, 700);
        Add(RoomEventTypes.StreamChanged, Stream("ended", 800), 800);

        var t = Build(Rec(0, 800));

        Assert.Equal(
            [MomentKind.Stream, MomentKind.Agenda, MomentKind.Speech, MomentKind.Speech, MomentKind.Question, MomentKind.Poll, MomentKind.Poll,
             MomentKind.Vote, MomentKind.Vote, MomentKind.Announcement, MomentKind.Stream],
            t.Moments.Select(m => m.Kind));
        var agenda = t.Moments[1];
        Assert.Equal(("部门通报情况", "市住建局", MomentPhase.Started), (agenda.Title, agenda.Who, agenda.Phase));
        var speech = t.Moments[2];
        Assert.Equal(("张委员", "经济界", "Member", "老旧小区加装电梯"), (speech.Who, speech.From, speech.Tier, speech.Title));
        var department = t.Moments[3];
        Assert.Equal(("李科长", "市住建局", "Department"), (department.Who, department.From, department.Tier));
        var answered = t.Moments[4];
        Assert.Equal((MomentPhase.Answered, "加装电梯费用谁出？", "市住建局", "政府补贴一部分", 420.0),
            (answered.Phase, answered.Title, answered.Who, answered.Detail, answered.Offset));
        var pollClosed = t.Moments[6];
        Assert.Equal(MomentPhase.Closed, pollClosed.Phase);
        Assert.Equal(30, pollClosed.Poll!.Respondents);
        Assert.Equal([new MomentPollOption("支持", 25), new MomentPollOption("反对", 5)], pollClosed.Poll.Options);
        Assert.Null(t.Moments[5].Poll);
        var voteClosed = t.Moments[8];
        Assert.Equal(new MomentVoteResult(7, 1, 1, 9, 10, true, true), voteClosed.Vote);
        Assert.Null(t.Moments[7].Vote);
        Assert.Equal(("会议休息十分钟", "主持人"), (t.Moments[9].Title, t.Moments[9].Who));
        Assert.Equal([MomentPhase.Started, MomentPhase.Ended], t.Moments.Where(m => m.Kind == MomentKind.Stream).Select(m => m.Phase));
        Assert.All(t.Moments, m => Assert.Equal((0, true), (m.Recording, m.Recorded)));
        Assert.Equal([0, 10, 60, 320, 420, 500, 560, 600, 650, 700, 800], t.Moments.Select(m => m.Offset!.Value));
    }

    [Fact]
    public void FailedVote_KeepsItsResult()
    {
        var vote = new VoteView(Guid.NewGuid(), "表决事项", true, 50, 50, "Closed", 10, 4, 3, 1, 0, false, false, T0.AddSeconds(5));
        Add(RoomEventTypes.VoteClosed, vote, 5);
        var m = Assert.Single(Build(Rec(0, 10)).Moments);
        Assert.Equal(new MomentVoteResult(3, 1, 0, 4, 10, false, false), m.Vote);
    }

    [Fact]
    public void SpeechEnds_ClearedAgenda_AndQuestionsNotAnswered_AreNoMoments()
    {
        Add(RoomEventTypes.SpeakerChanged, RoomCommands.NoSpeaker, 1);
        Add(RoomEventTypes.AgendaItemChanged, new { Id = (Guid?)null, Order = (int?)null, Title = (string?)null, Presenter = (string?)null }, 2);
        var q = new QuestionView(Guid.NewGuid(), "甲", "Public", "问题", "Answering", 0, 0, null, null, null, T0);
        Add(RoomEventTypes.QuestionUpdated, q, 3);
        Add(RoomEventTypes.QuestionUpdated, q with { Status = "Merged" }, 4);
        Add(RoomEventTypes.CommentShown, new CommentView(Guid.NewGuid(), "乙", "Public", null, "留言", false, T0), 5);
        Add(RoomEventTypes.RoomStatusChanged, new { Status = "Live" }, 6);
        Assert.Empty(Build(Rec(0, 10)).Moments);
    }

    [Fact]
    public void QuestionAnsweredThenHidden_IsLeftOut_AndAnsweredTwice_CountsOnce()
    {
        var hidden = new QuestionView(Guid.NewGuid(), "甲", "Public", "被隐藏的问题", "Answered", 0, 0, null, "部门", "答", T0);
        var kept = hidden with { Id = Guid.NewGuid(), Text = "保留的问题" };
        Add(RoomEventTypes.QuestionUpdated, hidden, 1);
        Add(RoomEventTypes.QuestionUpdated, kept, 2);
        Add(RoomEventTypes.QuestionUpdated, kept, 3);
        Add(RoomEventTypes.QuestionUpdated, hidden with { Status = "Hidden" }, 4);
        var m = Assert.Single(Build(Rec(0, 10)).Moments);
        Assert.Equal(("保留的问题", 2.0), (m.Title, m.Offset));
    }

    [Fact]
    public void StreamStates_StartInterruptResumeEnd_AndRepeatedStateIsOneMoment()
    {
        Add(RoomEventTypes.StreamChanged, Stream("waiting", 0), 0);
        Add(RoomEventTypes.StreamChanged, Stream("live", 10), 10);
        Add(RoomEventTypes.StreamChanged, Stream("live", 10) , 20); // the big-screen danmaku switch: same state
        Add(RoomEventTypes.StreamChanged, Stream("interrupted", 100), 100);
        Add(RoomEventTypes.StreamChanged, Stream("live", 130), 130);
        Add(RoomEventTypes.StreamChanged, Stream("ended", 200), 200);
        var t = Build(Rec(10, 100), Rec(130, 200));
        Assert.Equal([MomentPhase.Started, MomentPhase.Interrupted, MomentPhase.Resumed, MomentPhase.Ended], t.Moments.Select(m => m.Phase));
        Assert.Equal([(0, 0.0), (0, 90.0), (1, 0.0), (1, 70.0)], t.Moments.Select(m => (m.Recording!.Value, m.Offset!.Value)));
    }

    [Fact]
    public void StreamMoment_UsesThePayloadTime()
    {
        Add(RoomEventTypes.StreamChanged, Stream("live", 5), 7);
        Assert.Equal(T0.AddSeconds(5), Assert.Single(Build(Rec(0, 10)).Moments).At);
    }

    [Fact]
    public void Moments_AreInTimeOrder_TiesInSequenceOrder()
    {
        Add(RoomEventTypes.AnnouncementMade, new { Text = "二", By = "x" }, 20);
        Add(RoomEventTypes.AnnouncementMade, new { Text = "一", By = "x" }, 10);
        Add(RoomEventTypes.AnnouncementMade, new { Text = "三", By = "x" }, 20);
        Assert.Equal(["一", "二", "三"], Build(Rec(0, 30)).Moments.Select(m => m.Title));
    }

    [Fact]
    public void UnreadablePayloads_AreSkipped()
    {
        _events.Add(new RoomEvent { Seq = 1, Type = RoomEventTypes.AnnouncementMade, Payload = "{not json", At = T0 });
        _events.Add(new RoomEvent { Seq = 2, Type = RoomEventTypes.VoteClosed, Payload = "[1,2]", At = T0 });
        _events.Add(new RoomEvent { Seq = 3, Type = RoomEventTypes.PollClosed, Payload = """{"poll":"x"}""", At = T0 });
        _events.Add(new RoomEvent { Seq = 4, Type = RoomEventTypes.QuestionUpdated, Payload = """{"id":"nope","status":"Answered"}""", At = T0 });
        _events.Add(new RoomEvent { Seq = 5, Type = RoomEventTypes.StreamChanged, Payload = """{"state":"sideways"}""", At = T0 });
        _events.Add(new RoomEvent { Seq = 6, Type = RoomEventTypes.VoteClosed, Payload = """{"title":"无结果","for":"many"}""", At = T0 });
        var m = Assert.Single(Build(Rec(0, 10)).Moments);
        Assert.Equal(("无结果", null), (m.Title, m.Vote));
    }

    [Fact]
    public void Recordings_AreIndexedByStart_WhateverTheirOrder()
    {
        Add(RoomEventTypes.AnnouncementMade, new { Text = "a", By = "x" }, 150);
        var t = Build(Rec(100, 200, "late.mp4"), Rec(0, 50, "early.mp4"));
        Assert.Equal(["early.mp4", "late.mp4"], t.Recordings.Select(r => r.FileName));
        Assert.Equal([0, 1], t.Recordings.Select(r => r.Index));
        Assert.Equal(50, t.Recordings[0].DurationSeconds);
        Assert.Equal((1, 50.0, true), (t.Moments[0].Recording, t.Moments[0].Offset, t.Moments[0].Recorded));
    }

    [Theory]
    [InlineData(-60, 0, 0.0, false)]   // before the broadcast: the start of the first recording
    [InlineData(-1.5, 0, 0.0, true)]   // "live" is stamped a moment before the recording starts: its first frame
    [InlineData(0, 0, 0.0, true)]      // the first frame
    [InlineData(99.5, 0, 99.5, true)]
    [InlineData(100, 0, 100.0, true)]  // the last frame
    [InlineData(103, 0, 100.0, true)]  // just after the end (the hub stamps it late): the end of that recording
    [InlineData(110, 1, 0.0, false)]   // the signal was down: where the video goes on
    [InlineData(118.5, 1, 0.0, true)]  // just before the second recording's start
    [InlineData(120, 1, 0.0, true)]    // the second recording's first frame
    [InlineData(150, 1, 30.0, true)]
    public void Locate_PlacesATimeInTheVideo(double at, int recording, double offset, bool recorded)
    {
        var recs = TimelineBuilder.Build([], [Rec(0, 100), Rec(120, 200)]).Recordings;
        Assert.Equal((recording, offset, recorded), TimelineBuilder.Locate(T0.AddSeconds(at), recs));
    }

    [Fact]
    public void Locate_AfterTheLastRecording_IsNowhere()
    {
        var recs = TimelineBuilder.Build([], [Rec(0, 100)]).Recordings;
        Assert.Equal((null, null, false), TimelineBuilder.Locate(T0.AddSeconds(106), recs));
    }

    [Fact]
    public void Locate_WithoutRecordings_IsNowhere() =>
        Assert.Equal((null, null, false), TimelineBuilder.Locate(T0, []));

    [Fact]
    public void Locate_UnfinishedRecording_CoversUpToTheNextStart_OrForever()
    {
        var recs = TimelineBuilder.Build([], [Rec(0, null), Rec(500, null)]).Recordings;
        Assert.Equal((0, 499.0, true), TimelineBuilder.Locate(T0.AddSeconds(499), recs));
        Assert.Equal((1, 3600.0, true), TimelineBuilder.Locate(T0.AddSeconds(4100), recs));
        Assert.Null(recs[0].DurationSeconds);
    }

    [Fact]
    public void Locate_OverlappingRecordings_PreferTheLaterOnceItStarted()
    {
        // A reconnecting encoder can start the next file before the last one is closed.
        var recs = TimelineBuilder.Build([], [Rec(0, 100), Rec(95, 200)]).Recordings;
        Assert.Equal((0, 94.0, true), TimelineBuilder.Locate(T0.AddSeconds(94), recs));
        Assert.Equal((1, 1.0, true), TimelineBuilder.Locate(T0.AddSeconds(96), recs));
    }

    [Fact]
    public void MomentAfterTheBroadcast_StaysOnTheTimeline_WithoutAPlaceInTheVideo()
    {
        Add(RoomEventTypes.VoteClosed, new VoteView(Guid.NewGuid(), "会后表决", false, 50, 50, "Closed", 5, 5, 5, 0, 0, true, true, T0.AddSeconds(900)), 900);
        var m = Assert.Single(Build(Rec(0, 100)).Moments);
        Assert.Equal((null, null, false), (m.Recording, m.Offset, m.Recorded));
        Assert.True(m.Vote!.Passed);
    }

    [Fact]
    public void WithoutRecordings_MomentsStillHaveTheirTimes()
    {
        Add(RoomEventTypes.AnnouncementMade, new { Text = "开始", By = "x" }, 0);
        var t = Build();
        Assert.Empty(t.Recordings);
        Assert.Equal(T0, Assert.Single(t.Moments).At);
        Assert.Null(t.Moments[0].Recording);
    }

    [Fact]
    public void PollResults_RatingAndWords()
    {
        var rating = new PollView(Guid.NewGuid(), "满意度", "Rating", [], 1, true, true, "Closed");
        Add(RoomEventTypes.PollClosed, new { Poll = rating, Tally = new PollTally(rating.Id, 4, [0, 0, 1, 2, 1], 4.0, []) }, 1);
        var cloud = new PollView(Guid.NewGuid(), "一个词", "WordCloud", [], 1, true, true, "Closed");
        var words = Enumerable.Range(1, 8).Select(i => new WordCount($"词{i}", i)).ToList();
        Add(RoomEventTypes.PollClosed, new { Poll = cloud, Tally = new PollTally(cloud.Id, 36, [], null, words) }, 2);
        var t = Build(Rec(0, 10));
        Assert.Equal(4.0, t.Moments[0].Poll!.AverageRating);
        Assert.Equal(["词8", "词7", "词6", "词5", "词4"], t.Moments[1].Poll!.Words.Select(w => w.Word));
    }

    [Fact]
    public void EventTypes_CoverEveryKindTheBuilderReads()
    {
        Assert.Contains(RoomEventTypes.StreamChanged, TimelineBuilder.EventTypes);
        Assert.DoesNotContain(RoomEventTypes.CommentShown, TimelineBuilder.EventTypes);
        Assert.Equal(9, TimelineBuilder.EventTypes.Count);
    }
}
