using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;

namespace Deliberation.Core.Minutes.Compiling;

/// <summary>What every section of a compile reads: the session, its body, the wording and the database.</summary>
internal sealed class CompileContext(HubDbContext db, Consultation session, string organizationName,
    IReadOnlyDictionary<Guid, string> departments, MinutesCompileInput input, CancellationToken ct)
{
    public HubDbContext Db { get; } = db;
    public Consultation Session { get; } = session;
    public Guid Id => Session.Id;
    public string OrganizationName { get; } = organizationName;
    public IReadOnlyDictionary<Guid, string> Departments { get; } = departments;
    public MinutesCompileInput Input { get; } = input;
    public MinutesPhrases P => Input.Phrases;
    public CancellationToken Ct { get; } = ct;

    /// <summary>Departments named by recommendations and briefings, in order of appearance (the 抄送 list).</summary>
    public List<string> CopyTo { get; } = [];

    public string DepartmentName(Guid? id) => id is Guid g && Departments.TryGetValue(g, out var n) ? n : "";

    public void NoteCopyTo(string? department)
    {
        if (!string.IsNullOrWhiteSpace(department) && !CopyTo.Contains(department)) CopyTo.Add(department);
    }

    /// <summary>A numbered list of already escaped items, or the "none" phrase.</summary>
    public string NumberedOrNone(IReadOnlyList<string> items, string noneKey) =>
        items.Count == 0 ? P[noneKey] : string.Join("\n", items.Select((t, i) => $"{i + 1}. {t}"));
}

/// <summary>What to compile.</summary>
/// <param name="ConsultationId">The session.</param>
/// <param name="Number">Issue number (第N期).</param>
/// <param name="Template">The body's template.</param>
/// <param name="Phrases">The document's wording.</param>
/// <param name="StopWords">Words ignored when finding themes.</param>
/// <param name="SiteUrl">The hub's public address, for links readers follow from a printed copy (the replay); relative when null.</param>
public sealed record MinutesCompileInput(Guid ConsultationId, int Number, string Template, MinutesPhrases Phrases, IReadOnlyList<string> StopWords,
    string? SiteUrl = null);
