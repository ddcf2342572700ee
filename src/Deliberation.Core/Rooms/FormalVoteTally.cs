namespace Deliberation.Core.Rooms;

/// <summary>
/// The running count of a formal vote, one row per vote. Every cast rewrites all three counts in one statement
/// (<c>"For" = "For" + (choice = 'For')::int</c>, and so on), so the row version a cast leaves behind (its
/// PostgreSQL transaction id) is the same whatever the choice: for a secret vote, the transaction that records
/// who voted shares its id with this row, and the row does not say which count went up. The row lock also orders
/// casts, so each cast reads the exact turnout.
/// </summary>
public class FormalVoteTally
{
    /// <summary>The vote (primary key).</summary>
    public Guid VoteId { get; set; }
    /// <summary>赞成 so far.</summary>
    public int For { get; set; }
    /// <summary>反对 so far.</summary>
    public int Against { get; set; }
    /// <summary>弃权 so far.</summary>
    public int Abstain { get; set; }
}
