namespace Deliberation.Core.FollowUp;

/// <summary>A member who proposed an outcome item (提议人).</summary>
public class OutcomeProposer
{
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>The member.</summary>
    public Guid MemberId { get; set; }
    /// <summary>The member's name when recorded.</summary>
    public required string Name { get; set; }
}

/// <summary>A co-handling department (会办单位) of an outcome item.</summary>
public class OutcomeCoHandler
{
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>The department.</summary>
    public Guid DepartmentId { get; set; }
}

/// <summary>A leader's instruction (批示) on an outcome item.</summary>
public class LeaderInstruction
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The item.</summary>
    public Guid ItemId { get; set; }
    /// <summary>The instruction as written.</summary>
    public required string Text { get; set; }
    /// <summary>The leader's account.</summary>
    public Guid? LeaderUserId { get; set; }
    /// <summary>The leader's name and title.</summary>
    public required string LeaderName { get; set; }
    /// <summary>When it was written.</summary>
    public DateTimeOffset At { get; set; }
}
