using System.Text;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using static Deliberation.Core.Minutes.Compiling.MarkdownText;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>部门通报 (department speakers) and 委员发言 (members, invited, experts) grouped by sector (界别).</summary>
internal static class SpeechSections
{
    private const int KeySentences = 3;
    private const int KeyPointChars = 220;

    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(CompileContext c, Action<double> progress)
    {
        var speeches = await c.Db.Speeches.AsNoTracking()
            .Where(s => s.ConsultationId == c.Id && s.Status == SpeechStatus.Done)
            .OrderBy(s => s.StartedAt ?? s.RequestedAt).ThenBy(s => s.Position).ThenBy(s => s.Id)
            .ToListAsync(c.Ct);
        progress(0.5);
        var departmentOfParticipant = await c.Db.Participants.AsNoTracking()
            .Where(p => p.ConsultationId == c.Id && p.DepartmentId != null)
            .ToDictionaryAsync(p => p.Id, p => p.DepartmentId, c.Ct);

        var briefings = speeches.Where(s => s.Tier == ParticipantTier.Department).ToList();
        var members = speeches.Where(s => s.Tier is ParticipantTier.Member or ParticipantTier.Invited or ParticipantTier.Expert).ToList();

        var b = new StringBuilder();
        foreach (var s in briefings)
        {
            var department = c.DepartmentName(departmentOfParticipant.GetValueOrDefault(s.ParticipantId));
            if (department.Length == 0) department = s.Sector ?? "";
            c.NoteCopyTo(department);
            var who = department.Length > 0 ? $"**{Escape(department)}**（{Escape(s.SpeakerName)}）" : $"**{Escape(s.SpeakerName)}**";
            b.Append($"- {who}{c.P["speech.colon"]}{Body(s)} {MinutesMarkup.SourceLink("speech", s.Id)}\n");
        }

        var m = new StringBuilder();
        var groups = members.GroupBy(s => s.Tier == ParticipantTier.Member && !string.IsNullOrWhiteSpace(s.Sector) ? s.Sector! : c.P["speech.otherGroup"]);
        foreach (var g in groups)
        {
            m.Append($"### {Escape(g.Key)}\n\n");
            foreach (var s in g)
            {
                var kind = c.P.Enum(s.Kind);
                m.Append($"- **{Escape(s.SpeakerName)}**（{kind}）{c.P["speech.colon"]}{Body(s)} {MinutesMarkup.SourceLink("speech", s.Id)}\n");
            }
            m.Append('\n');
        }
        return new Dictionary<string, string>
        {
            ["briefings"] = briefings.Count == 0 ? c.P["none.briefings"] : b.ToString(),
            ["speeches"] = members.Count == 0 ? c.P["none.speeches"] : m.ToString(),
        };
    }

    /// <summary>The topic in bold, then the key points: the first sentences of the text, clipped.</summary>
    private static string Body(Speech s)
    {
        var topic = string.IsNullOrWhiteSpace(s.Topic) ? "" : $"**{Escape(s.Topic.Trim().TrimEnd('。'))}**。";
        return topic + Escape(KeyPoints(s.Text));
    }

    internal static string KeyPoints(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder();
        var sentences = 0;
        foreach (var ch in text.Trim())
        {
            sb.Append(ch);
            if (ch is '。' or '！' or '？' or '；' && ++sentences == KeySentences) break;
        }
        var points = sb.ToString();
        var cut = points.Length < text.Trim().Length;
        return points.Length > KeyPointChars ? Clip(points, KeyPointChars) : cut ? points.TrimEnd('；') + "……" : points;
    }
}
