namespace Deliberation.Web.Features.FollowUp;

/// <summary>A public item in the JSON API; codes are stable, labels are in the request's language.</summary>
public sealed record PublicItemDto(
    Guid Id, string Title, string? Category, string Status, string StatusLabel, string? Department, string? Session,
    DateTimeOffset? DueAt, int Progress, string? Satisfaction, string? SatisfactionLabel, bool Overdue, int Round,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record PublicEventDto(DateTimeOffset At, string Kind, string KindLabel, string? From, string? To, string Actor, string? Text, int? Percent, string? Verdict);

public sealed record PublicReplyDto(int Round, string Text, DateTimeOffset RepliedAt, bool OnTime, string ContactMethod, DateTimeOffset ContactedAt,
    IReadOnlyList<string> Attachments);

public sealed record PublicRatingDto(int Round, string Overall, string Communication, string Adoption, string Effect, DateTimeOffset RatedAt);

public sealed record PublicItemDetailDto(PublicItemDto Item, string Text, IReadOnlyList<string> Proposers, IReadOnlyList<string> CoHandlers,
    IReadOnlyList<PublicEventDto> Timeline, IReadOnlyList<PublicReplyDto> Replies, IReadOnlyList<PublicRatingDto> Ratings);

public sealed record NotificationDto(long Id, string Text, string Url, DateTimeOffset At, bool Read);

public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationDto> Items);
