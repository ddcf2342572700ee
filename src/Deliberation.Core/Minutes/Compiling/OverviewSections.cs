using System.Text;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using static Deliberation.Core.Minutes.Compiling.MarkdownText;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>The front matter, 会议概况, 出席/列席 and 议程.</summary>
internal static class OverviewSections
{
    public static async Task<IReadOnlyDictionary<string, string>> FrontAsync(CompileContext c)
    {
        var s = c.Session;
        var p = c.P;
        var start = BeijingTime.Local(s.WentLiveAt ?? s.StartsAt);
        var end = BeijingTime.Local(s.EndedAt ?? s.EndsAt);
        var sb = new StringBuilder();
        sb.Append($"- **{p["overview.time"]}**：{p.Format("overview.timeRange", start.Year, start.Month, start.Day, start.ToString("HH:mm"), end.ToString("HH:mm"))}\n");
        sb.Append($"- **{p["overview.form"]}**：{p.Format("overview.formValue", p.Enum(s.Type), p.Enum(s.Mode))}\n");
        if (!string.IsNullOrWhiteSpace(s.Venue)) sb.Append($"- **{p["overview.venue"]}**：{Escape(s.Venue)}\n");
        if (!string.IsNullOrWhiteSpace(s.HostName)) sb.Append($"- **{p["overview.host"]}**：{Escape(s.HostName)}\n");
        await BroadcastAsync(c, sb);
        if (!string.IsNullOrWhiteSpace(s.Summary)) sb.Append('\n').Append(Escape(s.Summary)).Append('\n');
        return new Dictionary<string, string>
        {
            ["title"] = p.Format("title", Escape(s.Title)),
            ["session_title"] = Escape(s.Title),
            ["number"] = p.Format("number", c.Input.Number),
            ["issuer"] = Escape(c.OrganizationName),
            ["date"] = p.Format("date", end.Year, end.Month, end.Day),
            ["overview"] = sb.ToString(),
        };
    }

    /// <summary>
    /// The 网络直播's facts, when the session was broadcast: start and end, peak online and total viewers, and the
    /// replay page (when a recording exists; absolute when the site's address is known).
    /// </summary>
    private static async Task BroadcastAsync(CompileContext c, StringBuilder sb)
    {
        var p = c.P;
        var stream = await c.Db.SessionStreams.AsNoTracking().Where(x => x.ConsultationId == c.Id)
            .Select(x => new { x.StartedAt, x.EndedAt }).SingleOrDefaultAsync(c.Ct);
        var recorded = await c.Db.StreamRecordings.AnyAsync(r => r.ConsultationId == c.Id, c.Ct);
        if (stream?.StartedAt is not { } started && !recorded) return;
        var peak = await c.Db.RoomPeaks.AsNoTracking().Where(x => x.ConsultationId == c.Id)
            .Select(x => new { x.PeakOnline, x.TotalViewers }).SingleOrDefaultAsync(c.Ct);
        if (stream?.StartedAt is { } from)
        {
            var a = BeijingTime.Local(from);
            var when = stream.EndedAt is { } to
                ? p.Format("overview.broadcastRange", a.Year, a.Month, a.Day, a.ToString("HH:mm"), BeijingTime.Local(to) is var b && b.Date == a.Date
                    ? b.ToString("HH:mm") : p.Format("overview.broadcastEndOtherDay", b.Month, b.Day, b.ToString("HH:mm")))
                : p.Format("overview.broadcastFrom", a.Year, a.Month, a.Day, a.ToString("HH:mm"));
            sb.Append($"- **{p["overview.broadcast"]}**：{p.Format("overview.broadcastValue", when, peak?.PeakOnline ?? 0, peak?.TotalViewers ?? 0)}\n");
        }
        if (recorded)
        {
            var path = $"/s/{c.Id}/replay";
            var url = Uri.TryCreate(c.Input.SiteUrl, UriKind.Absolute, out var site) ? new Uri(site, path).ToString() : path;
            sb.Append($"- **{p["overview.replay"]}**：[{p["overview.replayLink"]}]({url})\n");
        }
    }

    public static IReadOnlyDictionary<string, string> Agenda(CompileContext c)
    {
        var items = c.Session.Agenda.OrderBy(a => a.Order)
            .Select(a => string.IsNullOrWhiteSpace(a.Presenter) ? Escape(a.Title) : c.P.Format("agenda.item", Escape(a.Title), Escape(a.Presenter)))
            .ToList();
        return new Dictionary<string, string> { ["agenda"] = c.NumberedOrNone(items, "none.agenda") };
    }

    private sealed record Attendee(ParticipantTier Tier, string Name, string? Affiliation, bool Present, string? Sector, int SectorOrder, Guid? DepartmentId);

    public static async Task<IReadOnlyDictionary<string, string>> AttendanceAsync(CompileContext c, Action<double> progress)
    {
        var db = c.Db;
        var p = c.P;
        var rows = await (
            from a in db.Participants.AsNoTracking()
            where a.ConsultationId == c.Id
            join m in db.Members on a.MemberId equals m.Id into mm
            from m in mm.DefaultIfEmpty()
            join s in db.Sectors on m.SectorId equals s.Id into ss
            from s in ss.DefaultIfEmpty()
            orderby a.Tier, s.SortOrder, a.DisplayName, a.Id
            select new Attendee(a.Tier, a.DisplayName, a.Affiliation, a.CheckedInAt != null, s.Name, s == null ? int.MaxValue : s.SortOrder, a.DepartmentId))
            .ToListAsync(c.Ct);
        progress(0.6);

        var sb = new StringBuilder();
        sb.Append(p.Format("attendance.summary", rows.Count, rows.Count(r => r.Present))).Append("\n\n");
        var tiers = rows.GroupBy(r => r.Tier).OrderBy(g => g.Key).ToList();
        sb.Append(Table([p["attendance.tier"], p["attendance.invited"], p["attendance.present"]],
            tiers.Select(g => (IReadOnlyList<string>)[p.Enum(g.Key), $"{g.Count()}", $"{g.Count(r => r.Present)}"])));

        var sectors = rows.Where(r => r.Present && r.Tier == ParticipantTier.Member)
            .GroupBy(r => (r.SectorOrder, Name: r.Sector ?? p["attendance.noSector"])).OrderBy(g => g.Key.SectorOrder).ThenBy(g => g.Key.Name, StringComparer.Ordinal).ToList();
        if (sectors.Count > 0)
        {
            sb.Append('\n').Append(p["attendance.bySector"]).Append("\n\n");
            sb.Append(Table([p["attendance.sector"], p["attendance.count"]],
                sectors.Select(g => (IReadOnlyList<string>)[Escape(g.Key.Name), $"{g.Count()}"])));
        }
        sb.Append('\n').Append(p.Format("attendance.peak", await RoomPeaks.ReadAsync(db, c.Id, c.Ct))).Append('\n');

        foreach (var tier in new[] { ParticipantTier.Member, ParticipantTier.Department, ParticipantTier.Invited, ParticipantTier.Expert })
        {
            var present = rows.Where(r => r.Present && r.Tier == tier).ToList();
            if (present.Count == 0) continue;
            var names = present.Select(r => tier == ParticipantTier.Member || string.IsNullOrWhiteSpace(r.Affiliation) ? Escape(r.Name) : $"{Escape(r.Name)}（{Escape(r.Affiliation)}）");
            sb.Append('\n').Append(p.Format("attendance.names", p.Enum(tier), string.Join(p["list.separator"], names))).Append('\n');
        }
        return new Dictionary<string, string> { ["attendance"] = sb.ToString() };
    }
}
