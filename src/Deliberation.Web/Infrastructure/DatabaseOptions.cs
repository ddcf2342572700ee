namespace Deliberation.Web.Infrastructure;

/// <summary>What the host does with the database at start-up (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF migrations before serving.</summary>
    public bool Migrate { get; set; }

    /// <summary>Load the demo city body, its members and the demo session (idempotent).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Seconds to wait for the database at start-up before giving up with a clear message.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;
}
