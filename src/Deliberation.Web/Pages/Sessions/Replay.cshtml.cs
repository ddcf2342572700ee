using System.Globalization;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Streaming;
using Deliberation.Web.Features.Replay;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Sessions;

/// <summary>
/// 回放: the session's recording with its timeline of moments and the comments replayed in sync. Open to exactly
/// who may watch the live stream (<see cref="ReplayGate"/>); a viewer without the right sees why. The video's signed
/// URLs come from the stream API (<c>replay.parts</c>), the comments from <c>/api/sessions/{id}/replay/comments</c>.
/// </summary>
public sealed class ReplayModel(ReplayGate gate, ReplayReads reads, HubDbContext db, IStringLocalizer<SharedResource> l, Display d) : PageModel
{
    /// <summary>A moment as the page shows it.</summary>
    public sealed record MomentRow(string Kind, string KindLabel, string Clock, string Title, string? Detail, string? Note, int? Part, string? Offset, string At);

    public Consultation Session { get; private set; } = null!;
    public ReplayAdmission Admission { get; private set; } = null!;
    public IReadOnlyList<MomentRow> Moments { get; private set; } = [];
    public int RecordingCount { get; private set; }
    public string? ReasonText { get; private set; }
    public object Config { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Admission = await gate.AdmitAsync(HttpContext, id, ct);
        if (Admission.Entry == ReplayEntry.NotFound) return NotFound();
        if (Admission.Entry == ReplayEntry.Refused) return Admission.SignedIn ? Forbid() : Challenge();
        // The gate admitted the caller and acts within the session's organisation.
        Session = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        if (!Admission.CanWatch)
        {
            ReasonText = l[$"Stream.Denied.{Admission.Reason}"];
            Config = new { sessionId = id };
            return Page();
        }
        var timeline = await reads.TimelineAsync(id, ct);
        RecordingCount = timeline.Recordings.Count;
        Moments = timeline.Moments.Select(Row).ToList();
        Config = new
        {
            sessionId = id,
            streamUrl = $"/api/sessions/{id}/stream",
            commentsUrl = $"/api/sessions/{id}/replay/comments",
            recordings = timeline.Recordings.Select(r => new { r.Index, r.StartedAt, r.EndedAt }),
            strings = new Dictionary<string, string>
            {
                ["loading"] = l["Replay.Loading"], ["generating"] = l["Replay.Generating"], ["none"] = l["Replay.None"],
                ["failed"] = l["Replay.Failed"], ["denied"] = l["Replay.Denied"], ["part"] = l["Replay.Part"], ["playing"] = l["Replay.Playing"],
                ["commentsEmpty"] = l["Replay.CommentsEmpty"], ["pinned"] = l["Replay.Pinned"],
            },
        };
        return Page();
    }

    private MomentRow Row(TimelineMoment m)
    {
        var kind = m.Kind.ToString().ToLowerInvariant();
        var (title, detail) = Describe(m);
        var note = m.Recording is null ? l["Replay.Moment.NotInVideo"].Value : !m.Recorded ? l["Replay.Moment.Before"].Value : null;
        return new MomentRow(kind, l[$"Replay.Kind.{m.Kind}"], d.Local(m.At).ToString("HH:mm:ss", CultureInfo.InvariantCulture), title, detail, note,
            m.Recording, m.Offset?.ToString("0.#", CultureInfo.InvariantCulture), m.At.ToString("O", CultureInfo.InvariantCulture));
    }

    private (string Title, string? Detail) Describe(TimelineMoment m)
    {
        string Or(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s;
        switch (m.Kind)
        {
            case MomentKind.Agenda:
                return (Or(m.Title), m.Who is null ? null : l["Replay.Moment.Presenter", m.Who].Value);
            case MomentKind.Speech:
                var who = m.From is null ? Or(m.Who) : l["Replay.Moment.SpeakerFrom", Or(m.Who), m.From].Value;
                var written = m.Detail == nameof(Core.Rooms.SpeechKind.Written) ? l["Replay.Moment.Written"].Value : null;
                return (who, string.Join(" · ", new[] { written, m.Title }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null);
            case MomentKind.Question:
                var answer = m.Who is null ? m.Detail : l["Replay.Moment.AnsweredBy", m.Who, Or(m.Detail)].Value.TrimEnd('：', ':', ' ');
                return (Or(m.Title), answer);
            case MomentKind.Poll:
                return (Or(m.Title), m.Phase == MomentPhase.Opened ? l["Replay.Moment.PollOpened"] : PollText(m.Poll));
            case MomentKind.Vote:
                return (Or(m.Title), m.Phase == MomentPhase.Opened ? l["Replay.Moment.VoteOpened"] : VoteText(m.Vote));
            case MomentKind.Announcement:
                return (Or(m.Title), m.Who);
            default:
                return (l[$"Replay.Stream.{m.Phase}"], null);
        }
    }

    private string PollText(MomentPollResult? r)
    {
        if (r is null) return l["Replay.Moment.PollClosed"];
        var parts = new List<string>();
        if (r.Options.Count > 0) parts.Add(string.Join(" · ", r.Options.Select(o => $"{o.Label} {o.Count}")));
        if (r.AverageRating is { } avg) parts.Add(l["Replay.Moment.Average", avg.ToString("0.0", CultureInfo.InvariantCulture)]);
        if (r.Words.Count > 0) parts.Add(string.Join(" · ", r.Words.Select(w => w.Word)));
        parts.Add(l["Replay.Moment.Respondents", r.Respondents]);
        return l["Replay.Moment.PollResult", string.Join(l["List.Separator"], parts)];
    }

    private string VoteText(MomentVoteResult? v)
    {
        if (v is null) return l["Replay.Moment.VoteClosed"];
        var outcome = v.Passed ? l["Replay.Moment.Passed"] : !v.QuorumMet ? l["Replay.Moment.NoQuorum"] : l["Replay.Moment.NotPassed"];
        return l["Replay.Moment.VoteResult", v.For, v.Against, v.Abstain, outcome];
    }
}
