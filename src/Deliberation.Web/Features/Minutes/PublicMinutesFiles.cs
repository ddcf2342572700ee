using System.Security.Cryptography;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// The stored public downloads of published minutes. Serving reads one row (with an entity tag, so a client
/// that has it gets 304); until the render of the published version is stored the answer is 503 with
/// Retry-After. Nothing here ever renders.
/// </summary>
public sealed class PublicMinutesFiles(HubDbContext db)
{
    /// <summary>How long browsers and proxies may reuse a download before asking again (a correction replaces it).</summary>
    public const string CacheControl = "public, max-age=300";

    /// <summary>The stored file of the published version, 404 when the minutes are not published, 503 until rendered.</summary>
    public async Task<IResult> ServeAsync(Guid minutesId, string format, string notReadyMessage, HttpResponse response, CancellationToken ct)
    {
        if (!MinutesDownloads.Formats.Contains(format)) return TypedResults.NotFound();
        var version = await db.PublishedMinutes().AsNoTracking()
            .Where(m => m.Id == minutesId)
            .Select(m => m.PublishedVersionNo).SingleOrDefaultAsync(ct);
        if (version is null) return TypedResults.NotFound();
        var file = await db.MinutesPublicFiles.AsNoTracking()
            .Where(f => f.MinutesId == minutesId && f.VersionNo == version && f.Format == format)
            .SingleOrDefaultAsync(ct);
        if (file is null) return MinutesDownloads.Unavailable(notReadyMessage);
        response.Headers.CacheControl = CacheControl;
        return TypedResults.File(file.Content, file.ContentType, file.FileName, lastModified: file.RenderedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>Whether every public format of <paramref name="versionNo"/> is stored.</summary>
    public async Task<bool> CompleteAsync(Guid minutesId, int versionNo, CancellationToken ct) =>
        await db.MinutesPublicFiles.CountAsync(f => f.MinutesId == minutesId && f.VersionNo == versionNo, ct) == MinutesDownloads.Formats.Count;

    /// <summary>Stores a rendered file unless one is there already (two renders of the same version store one).</summary>
    public async Task StoreAsync(Guid minutesId, int versionNo, string format, RenderedFile file, DateTimeOffset at, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "MinutesPublicFiles" ("MinutesId", "VersionNo", "Format", "ContentType", "FileName", "Content", "Sha256", "RenderedAt")
            VALUES ({minutesId}, {versionNo}, {format}, {file.ContentType}, {file.FileName}, {file.Content}, {sha}, {at})
            ON CONFLICT ("MinutesId", "VersionNo", "Format") DO NOTHING
            """, ct);
    }

    /// <summary>The formats of <paramref name="versionNo"/> already stored.</summary>
    public async Task<HashSet<string>> StoredFormatsAsync(Guid minutesId, int versionNo, CancellationToken ct) =>
        (await db.MinutesPublicFiles.Where(f => f.MinutesId == minutesId && f.VersionNo == versionNo).Select(f => f.Format).ToListAsync(ct)).ToHashSet();
}
