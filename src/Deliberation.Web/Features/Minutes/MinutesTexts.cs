using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Features.Minutes;

/// <summary>One version's text as a reader may see it.</summary>
public sealed record MinutesText(MinutesDocument Minutes, int VersionNo, string Markdown)
{
    /// <summary>The document title: the first level-1 heading, as plain text.</summary>
    public string Title => MinutesMarkup.Lines(Markdown).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)) is { } h
        ? MarkdownText.Unescape(h[2..].Trim()) : "";

    public string FileName(string extension) => $"{Title}-{Minutes.Year}-{Minutes.Number}{(Minutes.Status == MinutesStatus.Published ? "" : $"-v{VersionNo}")}.{extension}";
}

/// <summary>
/// Reads versions for reviewers (any version, internal passages kept; the organisation filter keeps them to the
/// reviewer's own body) and for the public (published, public version, any body: <see cref="PublicReads"/>).
/// </summary>
public sealed class MinutesTexts(HubDbContext db)
{
    public async Task<MinutesText?> FullAsync(Guid minutesId, int? versionNo, CancellationToken ct)
    {
        var minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.Id == minutesId, ct);
        if (minutes is null || minutes.CurrentVersionNo == 0) return null;
        var no = versionNo ?? minutes.CurrentVersionNo;
        var markdown = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == minutesId && v.No == no).Select(v => v.Markdown).SingleOrDefaultAsync(ct);
        return markdown is null ? null : new MinutesText(minutes, no, markdown);
    }

    /// <summary>The public version of the published text, or null when the minutes are not published.</summary>
    public async Task<MinutesText?> PublicAsync(Guid minutesId, CancellationToken ct)
    {
        var minutes = await db.PublishedMinutes().AsNoTracking().SingleOrDefaultAsync(m => m.Id == minutesId, ct);
        if (minutes is null) return null;
        var markdown = await db.PublishedVersions().AsNoTracking().Where(v => v.MinutesId == minutesId)
            .Select(v => v.Markdown).SingleAsync(ct);
        return new MinutesText(minutes, minutes.PublishedVersionNo!.Value, MinutesMarkup.ToPublic(markdown));
    }
}
