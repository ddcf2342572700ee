using System.Text.Json;
using Deliberation.Core.Rooms;

namespace Deliberation.Core.Streaming;

/// <summary>What a moment of the session's timeline is about (the replay page's <c>data-kind</c>).</summary>
public enum MomentKind
{
    /// <summary>An agenda item began (议程).</summary>
    Agenda,
    /// <summary>A speaker took the floor (发言).</summary>
    Speech,
    /// <summary>A question was answered (问题答复).</summary>
    Question,
    /// <summary>A poll opened or closed (投票).</summary>
    Poll,
    /// <summary>A formal vote opened or closed (表决).</summary>
    Vote,
    /// <summary>The moderator made an announcement (公告).</summary>
    Announcement,
    /// <summary>The broadcast started, was interrupted, resumed or ended (直播).</summary>
    Stream,
}

/// <summary>What happened at a moment, within its kind.</summary>
public enum MomentPhase
{
    /// <summary>An agenda item or a speech began, or the broadcast started for the first time.</summary>
    Started,
    /// <summary>A poll or a vote opened.</summary>
    Opened,
    /// <summary>A poll or a vote closed (with its result).</summary>
    Closed,
    /// <summary>A question was answered.</summary>
    Answered,
    /// <summary>An announcement was made.</summary>
    Made,
    /// <summary>The broadcast's signal dropped while the session went on.</summary>
    Interrupted,
    /// <summary>The broadcast came back after an interruption.</summary>
    Resumed,
    /// <summary>The broadcast ended.</summary>
    Ended,
}

/// <summary>A formal vote's result: 赞成/反对/弃权 against 应到/实到, and whether it passed (通过/未通过).</summary>
public sealed record MomentVoteResult(int For, int Against, int Abstain, int Present, int Expected, bool QuorumMet, bool Passed);

/// <summary>One option of a closed poll and how many chose it.</summary>
public sealed record MomentPollOption(string Label, int Count);

/// <summary>A closed poll's results: options with counts, the average rating, or the top words.</summary>
public sealed record MomentPollResult(int Respondents, IReadOnlyList<MomentPollOption> Options, double? AverageRating, IReadOnlyList<WordCount> Words);

/// <summary>A recording on the session clock: its index in the timeline (by start), file, start and end.</summary>
public sealed record TimelineRecording(int Index, string FileName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)
{
    /// <summary>Seconds from start to end, when it ended.</summary>
    public double? DurationSeconds => EndedAt is { } end ? Math.Max(0, (end - StartedAt).TotalSeconds) : null;
}

/// <summary>
/// One moment of the session: when it happened (absolute), what, and where it is in the video — the recording
/// (<see cref="Recording"/>, an index into <see cref="SessionTimeline.Recordings"/>) and the offset in seconds from
/// that recording's start. <see cref="Recorded"/> is false when the moment fell outside every recording (before the
/// first, or while the signal was down): it then points at the start of the next recording, where the video shows
/// what followed. A moment after the last recording ended has no place in the video (Recording and Offset null).
/// </summary>
public sealed record TimelineMoment(
    MomentKind Kind,
    MomentPhase Phase,
    DateTimeOffset At,
    string? Title,
    string? Who = null,
    string? From = null,
    string? Tier = null,
    string? Detail = null,
    MomentVoteResult? Vote = null,
    MomentPollResult? Poll = null,
    int? Recording = null,
    double? Offset = null,
    bool Recorded = false);

/// <summary>The session's moments in time order, and the recordings they are placed in.</summary>
public sealed record SessionTimeline(IReadOnlyList<TimelineRecording> Recordings, IReadOnlyList<TimelineMoment> Moments);

/// <summary>
/// Builds the replay's timeline (pure: no database) from the room's sequenced events and the broadcast's recordings.
/// Agenda items, speeches (who, from which 界别 or department), answered questions, polls and formal votes opening and
/// closing (with results), announcements and the broadcast's own start, interruptions and end become moments; each is
/// placed on the video: the recording that covers it and the offset from that recording's start (see
/// <see cref="TimelineMoment"/> for moments outside every recording). A question answered and later taken down
/// (hidden) is left out: the replay shows only what the room still shows. An event whose payload cannot be read is
/// skipped, never fatal.
/// </summary>
public static class TimelineBuilder
{
    /// <summary>The event types the timeline reads (the caller may load only these).</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        RoomEventTypes.AgendaItemChanged, RoomEventTypes.SpeakerChanged, RoomEventTypes.QuestionUpdated,
        RoomEventTypes.PollOpened, RoomEventTypes.PollClosed, RoomEventTypes.VoteOpened, RoomEventTypes.VoteClosed,
        RoomEventTypes.AnnouncementMade, RoomEventTypes.StreamChanged,
    ];

    /// <summary>
    /// A moment just after a recording's end still belongs to it (the streaming server and the hub stamp the end
    /// separately: the "ended" event lands a moment after the file's last frame).
    /// </summary>
    public static readonly TimeSpan EndGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A moment just before a recording's start is at its first frame, recorded: the hub stamps "live" as it accepts
    /// the publish, the recording's start a moment later.
    /// </summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(2);

    /// <summary>Builds the timeline. <paramref name="events"/> in any order (sorted by sequence here).</summary>
    public static SessionTimeline Build(IEnumerable<RoomEvent> events, IEnumerable<StreamRecording> recordings)
    {
        var recs = recordings.OrderBy(r => r.StartedAt).ThenBy(r => r.FileName, StringComparer.Ordinal)
            .Select((r, i) => new TimelineRecording(i, r.FileName, r.StartedAt, r.EndedAt)).ToList();
        var moments = new List<(TimelineMoment Moment, Guid? QuestionId, long Seq)>();
        var hiddenQuestions = new HashSet<Guid>();
        var answeredQuestions = new HashSet<Guid>();
        StreamState? streamState = null;
        var everLive = false;
        foreach (var e in events.OrderBy(e => e.Seq))
        {
            JsonElement p;
            try
            {
                using var doc = JsonDocument.Parse(e.Payload);
                p = doc.RootElement.Clone();
            }
            catch (JsonException) { continue; }
            if (p.ValueKind != JsonValueKind.Object) continue;
            switch (e.Type)
            {
                case RoomEventTypes.AgendaItemChanged:
                    if (Str(p, "title") is { } agendaTitle && Str(p, "id") is not null)
                        moments.Add((new TimelineMoment(MomentKind.Agenda, MomentPhase.Started, e.At, agendaTitle, Who: Str(p, "presenter"),
                            Detail: Int(p, "order")?.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, e.Seq));
                    break;
                case RoomEventTypes.SpeakerChanged:
                    if (Str(p, "speakerName") is { } speaker)
                        moments.Add((new TimelineMoment(MomentKind.Speech, MomentPhase.Started, Time(p, "startedAt") ?? e.At, Str(p, "topic"),
                            Who: speaker, From: Str(p, "sector"), Tier: Str(p, "tier"), Detail: Str(p, "kind")), null, e.Seq));
                    break;
                case RoomEventTypes.QuestionUpdated:
                    if (!Guid.TryParse(Str(p, "id"), out var qid)) break;
                    var status = Str(p, "status");
                    if (status == nameof(QuestionStatus.Hidden)) hiddenQuestions.Add(qid);
                    else if (status == nameof(QuestionStatus.Answered) && answeredQuestions.Add(qid))
                        moments.Add((new TimelineMoment(MomentKind.Question, MomentPhase.Answered, e.At, Str(p, "text"),
                            Who: Str(p, "answeredBy"), From: Str(p, "authorName"), Detail: Str(p, "answerText")), qid, e.Seq));
                    break;
                case RoomEventTypes.PollOpened:
                    if (Str(p, "title") is { } pollTitle)
                        moments.Add((new TimelineMoment(MomentKind.Poll, MomentPhase.Opened, e.At, pollTitle, Detail: Str(p, "kind")), null, e.Seq));
                    break;
                case RoomEventTypes.PollClosed:
                    if (Obj(p, "poll") is { } poll && Str(poll, "title") is { } closedTitle)
                        moments.Add((new TimelineMoment(MomentKind.Poll, MomentPhase.Closed, e.At, closedTitle, Detail: Str(poll, "kind"),
                            Poll: PollResult(poll, Obj(p, "tally"))), null, e.Seq));
                    break;
                case RoomEventTypes.VoteOpened:
                    if (Str(p, "title") is { } voteTitle)
                        moments.Add((new TimelineMoment(MomentKind.Vote, MomentPhase.Opened, e.At, voteTitle), null, e.Seq));
                    break;
                case RoomEventTypes.VoteClosed:
                    if (Str(p, "title") is { } closedVote)
                        moments.Add((new TimelineMoment(MomentKind.Vote, MomentPhase.Closed, Time(p, "closedAt") ?? e.At, closedVote,
                            Vote: VoteResult(p)), null, e.Seq));
                    break;
                case RoomEventTypes.AnnouncementMade:
                    if (Str(p, "text") is { } text)
                        moments.Add((new TimelineMoment(MomentKind.Announcement, MomentPhase.Made, e.At, text, Who: Str(p, "by")), null, e.Seq));
                    break;
                case RoomEventTypes.StreamChanged:
                    if (!Enum.TryParse<StreamState>(Str(p, "state"), ignoreCase: true, out var state) || state == streamState) break;
                    var phase = state switch
                    {
                        StreamState.Live => everLive ? MomentPhase.Resumed : MomentPhase.Started,
                        StreamState.Interrupted => MomentPhase.Interrupted,
                        StreamState.Ended => MomentPhase.Ended,
                        _ => (MomentPhase?)null,
                    };
                    streamState = state;
                    everLive |= state == StreamState.Live;
                    if (phase is { } ph) moments.Add((new TimelineMoment(MomentKind.Stream, ph, Time(p, "at") ?? e.At, null), null, e.Seq));
                    break;
            }
        }
        var placed = moments
            .Where(m => m.QuestionId is not { } id || !hiddenQuestions.Contains(id))
            .OrderBy(m => m.Moment.At).ThenBy(m => m.Seq)
            .Select(m => Place(m.Moment, recs))
            .ToList();
        return new SessionTimeline(recs, placed);
    }

    /// <summary>
    /// Where <paramref name="at"/> is in the video: the latest recording started by then, if it covers it (its end
    /// extended by <see cref="EndGrace"/>, the offset capped at its duration; an unfinished recording covers everything
    /// up to the next start), else the start of the next recording (not recorded, unless within <see cref="StartGrace"/>
    /// of it), else nowhere.
    /// </summary>
    public static (int? Recording, double? Offset, bool Recorded) Locate(DateTimeOffset at, IReadOnlyList<TimelineRecording> recordings)
    {
        for (var i = 0; i < recordings.Count; i++)
        {
            var r = recordings[i];
            if (at < r.StartedAt) return (i, 0, r.StartedAt - at <= StartGrace);
            if (i + 1 < recordings.Count && at >= recordings[i + 1].StartedAt) continue;
            DateTimeOffset? end = r.EndedAt is { } e ? e + EndGrace : null;
            if (end is null || at <= end)
            {
                var offset = (at - r.StartedAt).TotalSeconds;
                if (r.DurationSeconds is { } d) offset = Math.Min(offset, d);
                return (i, Math.Round(offset, 1), true);
            }
        }
        return (null, null, false);
    }

    private static TimelineMoment Place(TimelineMoment m, IReadOnlyList<TimelineRecording> recs)
    {
        var (rec, offset, recorded) = Locate(m.At, recs);
        return m with { Recording = rec, Offset = offset, Recorded = recorded };
    }

    private static MomentVoteResult? VoteResult(JsonElement v)
    {
        if (Int(v, "for") is not { } f || Int(v, "against") is not { } a || Int(v, "abstain") is not { } ab) return null;
        return new MomentVoteResult(f, a, ab, Int(v, "present") ?? 0, Int(v, "expected") ?? 0, Bool(v, "quorumMet") ?? false, Bool(v, "passed") ?? false);
    }

    private static MomentPollResult? PollResult(JsonElement poll, JsonElement? tally)
    {
        if (tally is not { } t) return null;
        var labels = poll.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : "").ToList() : [];
        var counts = t.TryGetProperty("counts", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out var n) ? n : 0).ToList() : [];
        var options = labels.Select((label, i) => new MomentPollOption(label, i < counts.Count ? counts[i] : 0)).ToList();
        var words = t.TryGetProperty("words", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && Str(x, "word") is not null)
                .Select(x => new WordCount(Str(x, "word")!, Int(x, "count") ?? 0)).OrderByDescending(x => x.Count).Take(5).ToList()
            : [];
        double? avg = t.TryGetProperty("averageRating", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        return new MomentPollResult(Int(t, "respondents") ?? 0, options, avg, words);
    }

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;
}
