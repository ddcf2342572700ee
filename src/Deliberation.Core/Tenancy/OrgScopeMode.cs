namespace Deliberation.Core.Tenancy;

/// <summary>What an <see cref="OrgScope"/> lets queries see.</summary>
public enum OrgScopeMode
{
    /// <summary>Nothing an organisation owns: anonymous callers, accounts without a body, and anything nobody scoped.</summary>
    None,
    /// <summary>One organisation's rows (and, for a department account, only the outcome items it handles).</summary>
    Organization,
    /// <summary>Every organisation: jobs, seeding, start-up. Opted into by name with <see cref="OrgScope.UseSystem"/>.</summary>
    System,
}
