using Deliberation.Core.Consultations;

namespace Deliberation.Core.Planning;

/// <summary>Life cycle of an annual consultation plan (年度协商计划).</summary>
public enum PlanStatus
{
    /// <summary>草稿: staff edit the items.</summary>
    Draft,
    /// <summary>已报批: waiting for a leader's approval; items are frozen.</summary>
    Submitted,
    /// <summary>已批准: a leader approved it (the party committee's approval recorded by the leader's account).</summary>
    Approved,
    /// <summary>已公布: public on the plan page.</summary>
    Published,
}

/// <summary>
/// A body's annual consultation plan: the topics it will consult on this year, each with a type, a lead committee
/// and a planned month. Draft → submitted → approved (by a leader) → published; a leader may send a submitted plan
/// back to draft with a reason.
/// </summary>
public class ConsultationPlan
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 100;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Owning body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The year it plans; one plan per body and year.</summary>
    public int Year { get; set; }
    /// <summary>Title, e.g. 2027年度协商计划.</summary>
    public required string Title { get; set; }
    /// <summary>Status.</summary>
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    /// <summary>When it was last submitted for approval.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>When a leader approved it.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>The approving leader's name and title as shown.</summary>
    public string? ApprovedByName { get; set; }
    /// <summary>The approving leader's account.</summary>
    public Guid? ApprovedByUserId { get; set; }
    /// <summary>Why a leader sent it back, shown to staff until the next submission.</summary>
    public string? ReturnReason { get; set; }
    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }
    /// <summary>The items, by planned month.</summary>
    public List<PlanItem> Items { get; set; } = [];
}

/// <summary>One planned consultation in an annual plan.</summary>
public class PlanItem
{
    /// <summary>Longest topic.</summary>
    public const int TopicMax = 100;
    /// <summary>Longest note.</summary>
    public const int NoteMax = 1000;

    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The plan.</summary>
    public Guid PlanId { get; set; }
    /// <summary>The plan's body (copied, so the item is filtered without a join).</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The topic (议题).</summary>
    public required string Topic { get; set; }
    /// <summary>Kind of session planned.</summary>
    public ConsultationType Type { get; set; }
    /// <summary>The committee (专委会) that leads it.</summary>
    public Guid? LeadCommitteeId { get; set; }
    /// <summary>Planned month, 1–12.</summary>
    public int PlannedMonth { get; set; }
    /// <summary>Notes (调研安排, 参加范围).</summary>
    public string? Note { get; set; }
    /// <summary>The solicited topic it was picked from, if any.</summary>
    public Guid? TopicId { get; set; }
    /// <summary>The session created from it, once created.</summary>
    public Guid? ConsultationId { get; set; }
    /// <summary>Order within the plan.</summary>
    public int Position { get; set; }
}
