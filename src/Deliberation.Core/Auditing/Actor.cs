namespace Deliberation.Core.Auditing;

/// <summary>Who performs an action: an account, a public visitor or the system.</summary>
/// <param name="UserId">The account, or null for visitors and the system.</param>
/// <param name="Name">The name recorded in the audit trail.</param>
public sealed record Actor(Guid? UserId, string Name)
{
    /// <summary>The hub itself (jobs, seeding).</summary>
    public static readonly Actor System = new(null, "system");
}
