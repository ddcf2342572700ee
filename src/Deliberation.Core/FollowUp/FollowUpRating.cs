namespace Deliberation.Core.FollowUp;

/// <summary>A proposer's rating (满意度测评) of one round's reply.</summary>
public class FollowUpRating
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>Handling round rated.</summary>
    public int Round { get; set; }
    /// <summary>The rating member.</summary>
    public Guid MemberId { get; set; }
    /// <summary>Overall verdict.</summary>
    public Satisfaction Overall { get; set; }
    /// <summary>沟通协商: how well the handler consulted.</summary>
    public Satisfaction Communication { get; set; }
    /// <summary>采纳情况: how far the recommendation was adopted.</summary>
    public Satisfaction Adoption { get; set; }
    /// <summary>办理成效: the effect on the ground.</summary>
    public Satisfaction Effect { get; set; }
    /// <summary>The proposer's comment (internal).</summary>
    public string? Comment { get; set; }
    /// <summary>When it was given.</summary>
    public DateTimeOffset RatedAt { get; set; }
}
