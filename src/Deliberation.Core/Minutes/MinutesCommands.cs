using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Core.Minutes;

/// <summary>Use cases that create minutes and change their text: compile results, edits, comments, the template. Each is audited.</summary>
public sealed class MinutesCommands(HubDbContext db, TimeProvider clock)
{
    /// <summary>The minutes of a session, created (with the next 第N期 number of its body and year) when missing.</summary>
    public async Task<MinutesDocument> EnsureAsync(Guid consultationId, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.MinutesDocuments.SingleOrDefaultAsync(m => m.ConsultationId == consultationId, ct);
            if (existing is not null) return existing;
            var session = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId)
                .Select(c => new { c.OrganizationId }).SingleOrDefaultAsync(ct) ?? throw new DomainException("consultation.not_found");
            var now = clock.GetUtcNow();
            var year = BeijingTime.Local(now).Year;
            var last = await db.MinutesDocuments.Where(m => m.OrganizationId == session.OrganizationId && m.Year == year).MaxAsync(m => (int?)m.Number, ct) ?? 0;
            var minutes = new MinutesDocument { ConsultationId = consultationId, OrganizationId = session.OrganizationId, Year = year, Number = last + 1, CreatedAt = now };
            db.MinutesDocuments.Add(minutes);
            AuditLog.Record(db, Actor.System, "minutes.create", "Minutes", minutes.Id, after: new { minutes.ConsultationId, minutes.Year, minutes.Number }, at: now);
            try
            {
                await db.SaveChangesAsync(ct);
                return minutes;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < 5)
            {
                // Another request created these minutes, or took the number, between our read and our write.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Stores a fresh compile as the draft. Safe to repeat: a compile identical to the current text adds no version.
    /// Refused once the minutes have left the draft status (review edits are never overwritten).
    /// </summary>
    public async Task<int> ApplyCompiledAsync(Guid minutesId, string markdown, CancellationToken ct = default)
    {
        var minutes = await LoadAsync(minutesId, ct);
        if (!MinutesStatusRules.CanRecompile(minutes.Status)) throw new DomainException("minutes.not_draft", minutes.Status.ToString());
        var current = await CurrentTextAsync(minutes, ct);
        if (current != markdown)
        {
            AddVersion(minutes, MinutesVersionKind.Compiled, markdown, Actor.System, null);
        }
        minutes.CompileState = CompileState.Succeeded;
        minutes.CompileProgress = 100;
        minutes.CompileError = null;
        await SaveAsync(ct);
        return minutes.CurrentVersionNo;
    }

    /// <summary>Saves a reviewer's edit made on version <paramref name="baseVersionNo"/>; refused when someone saved in between.</summary>
    public async Task<int> SaveEditAsync(Guid minutesId, int baseVersionNo, string markdown, string? note, Actor actor, CancellationToken ct = default)
    {
        var minutes = await LoadAsync(minutesId, ct);
        minutes.EnsureEditable();
        if (baseVersionNo != minutes.CurrentVersionNo) throw new DomainException("minutes.stale");
        markdown = Normalize(markdown);
        if (markdown == await CurrentTextAsync(minutes, ct)) return minutes.CurrentVersionNo;
        AddVersion(minutes, MinutesVersionKind.Edited, markdown, actor, Trim(note, 500));
        await SaveAsync(ct);
        return minutes.CurrentVersionNo;
    }

    /// <summary>Adds a reviewer's comment on the current version.</summary>
    public async Task AddCommentAsync(Guid minutesId, string text, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("minutes.comment_empty");
        var minutes = await LoadAsync(minutesId, ct);
        var comment = new MinutesComment
        {
            MinutesId = minutesId, VersionNo = minutes.CurrentVersionNo, AuthorId = actor.UserId, AuthorName = actor.Name,
            Text = Trim(text, 2000)!, CreatedAt = clock.GetUtcNow(),
        };
        db.MinutesComments.Add(comment);
        AuditLog.Record(db, actor, "minutes.comment", "Minutes", minutesId, after: new { comment.VersionNo }, at: comment.CreatedAt);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves a body's template.</summary>
    public async Task SaveTemplateAsync(Guid organizationId, string markdown, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(markdown)) throw new DomainException("minutes.template_empty");
        var template = await db.MinutesTemplates.SingleOrDefaultAsync(t => t.OrganizationId == organizationId, ct);
        var before = template?.Markdown;
        if (template is null)
        {
            template = new MinutesTemplate { OrganizationId = organizationId, Markdown = "", UpdatedBy = actor.Name };
            db.MinutesTemplates.Add(template);
        }
        template.Markdown = Normalize(markdown);
        template.UpdatedBy = actor.Name;
        template.UpdatedAt = clock.GetUtcNow();
        AuditLog.Record(db, actor, "minutes.template", nameof(MinutesTemplate), organizationId, before is null ? null : new { Length = before.Length },
            new { template.Markdown.Length }, template.UpdatedAt);
        await db.SaveChangesAsync(ct);
    }

    internal static string Normalize(string markdown) => markdown.Replace("\r\n", "\n").TrimEnd() + "\n";

    private static string? Trim(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length > max ? s.Trim()[..max] : s.Trim();

    private async Task<MinutesDocument> LoadAsync(Guid id, CancellationToken ct) =>
        await db.MinutesDocuments.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException("minutes.not_found");

    private async Task<string?> CurrentTextAsync(MinutesDocument minutes, CancellationToken ct) =>
        minutes.CurrentVersionNo == 0 ? null : await db.MinutesVersions.Where(v => v.MinutesId == minutes.Id && v.No == minutes.CurrentVersionNo)
            .Select(v => v.Markdown).SingleAsync(ct);

    internal MinutesVersion AddVersion(MinutesDocument minutes, MinutesVersionKind kind, string markdown, Actor actor, string? note)
    {
        var version = new MinutesVersion
        {
            MinutesId = minutes.Id, No = minutes.CurrentVersionNo + 1, Kind = kind, Markdown = markdown,
            AuthorId = actor.UserId, AuthorName = actor.Name, Note = note, CreatedAt = clock.GetUtcNow(),
        };
        db.MinutesVersions.Add(version);
        minutes.CurrentVersionNo = version.No;
        AuditLog.Record(db, actor, $"minutes.version.{kind.ToString().ToLowerInvariant()}", "Minutes", minutes.Id,
            after: new { version.No, version.Note }, at: version.CreatedAt);
        return version;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Two saves took the same version number: the later one is told to reload.
            throw new DomainException("minutes.stale");
        }
    }

    internal static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
