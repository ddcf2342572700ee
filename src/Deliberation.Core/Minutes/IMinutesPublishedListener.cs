namespace Deliberation.Core.Minutes;

/// <summary>
/// Told after minutes are published (and again after each correction or re-send), once the change is committed.
/// The follow-up (督办) feature implements it to turn each recommendation into a follow-up item. The same
/// recommendation always carries the same <see cref="PublishedRecommendation.Key"/>, so an implementation that
/// upserts by (<see cref="MinutesPublished.MinutesId"/>, key) never duplicates items.
/// </summary>
public interface IMinutesPublishedListener
{
    /// <summary>Minutes were published; <paramref name="e"/> lists their numbered recommendations.</summary>
    Task MinutesPublishedAsync(MinutesPublished e, CancellationToken ct);
}

/// <summary>What was published.</summary>
/// <param name="MinutesId">The minutes.</param>
/// <param name="ConsultationId">The session.</param>
/// <param name="VersionNo">The published version.</param>
/// <param name="Title">The document title.</param>
/// <param name="PublishedAt">When this version was published.</param>
/// <param name="Recommendations">The recommendations (意见建议), numbered as in the document.</param>
public sealed record MinutesPublished(
    Guid MinutesId,
    Guid ConsultationId,
    int VersionNo,
    string Title,
    DateTimeOffset PublishedAt,
    IReadOnlyList<PublishedRecommendation> Recommendations);

/// <summary>One recommendation of published minutes.</summary>
/// <param name="Number">Its number in the document, from 1.</param>
/// <param name="Key">Stable identity across versions, e.g. <c>outcome:{id}</c>.</param>
/// <param name="Text">The wording as published (plain text).</param>
/// <param name="DepartmentId">Proposed handling department (承办单位), if any.</param>
/// <param name="SourceRefs">Source records, e.g. <c>outcome:{id}</c>, <c>speech:{id}</c>, <c>question:{id}</c>.</param>
public sealed record PublishedRecommendation(int Number, string Key, string Text, Guid? DepartmentId, IReadOnlyList<string> SourceRefs);
