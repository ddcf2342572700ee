namespace Deliberation.Core.Topics;

/// <summary>
/// A topic solicitation campaign (议题征集): open and close dates and the channels it takes. The public form and
/// public topic pages hang off it; it is public once <see cref="PublishedAt"/> is set.
/// </summary>
public class TopicCampaign
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 100;
    /// <summary>Longest description.</summary>
    public const int DescriptionMax = 4000;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Title, e.g. 2027年度协商议题征集.</summary>
    public required string Title { get; set; }
    /// <summary>The call: what topics are wanted and how they are chosen.</summary>
    public string? Description { get; set; }
    /// <summary>First moment submissions are taken.</summary>
    public DateTimeOffset OpensAt { get; set; }
    /// <summary>Moment submissions stop.</summary>
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>Channels it takes; the public form needs <see cref="TopicChannel.Online"/>.</summary>
    public List<TopicChannel> Channels { get; set; } = [];
    /// <summary>Whether public comments wait for a moderator before showing (先审后发); members' never wait.</summary>
    public bool PreModeratePublic { get; set; } = true;
    /// <summary>Sensitive words (敏感词): a comment containing one waits for a moderator whoever wrote it.</summary>
    public List<string> SensitiveWords { get; set; } = [];
    /// <summary>Days a selection notice (公示) runs by default.</summary>
    public int NoticeDays { get; set; } = 7;
    /// <summary>The year whose plan its selected topics go into.</summary>
    public int PlanYear { get; set; }
    /// <summary>When it was made public; null while staff prepare it.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether it takes submissions at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => PublishedAt is not null && OpensAt <= now && now < ClosesAt;
}
