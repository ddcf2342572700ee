namespace Deliberation.Core.Tenancy;

/// <summary>
/// The organisation whose data this request, hub invocation or job may read and write. One per DI scope; the
/// <see cref="Persistence.HubDbContext"/> of that scope reads it in its global query filters, so every query goes
/// through it. It starts as <see cref="OrgScopeMode.None"/>: code that never set it sees no organisation's data
/// (fails closed). The web host sets it from the sign-in claims; the room hub moves it to the room's organisation
/// once <c>RoomAccess</c> admitted the caller; jobs and seeding call <see cref="UseSystem"/> (grep for it).
/// </summary>
public sealed class OrgScope
{
    /// <summary>What queries see.</summary>
    public OrgScopeMode Mode { get; private set; } = OrgScopeMode.None;

    /// <summary>The organisation, in <see cref="OrgScopeMode.Organization"/> mode.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The department of a department (承办单位) account: it sees only the outcome items it handles.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>Why the scope sees every organisation (for logs and review), in <see cref="OrgScopeMode.System"/> mode.</summary>
    public string? SystemReason { get; private set; }

    /// <summary>The caller's own scope: its organisation (and department), or nothing when the account has no organisation.</summary>
    public void UseCaller(Guid? organizationId, Guid? departmentId)
    {
        Mode = organizationId is null ? OrgScopeMode.None : OrgScopeMode.Organization;
        OrganizationId = organizationId;
        DepartmentId = organizationId is null ? null : departmentId;
        SystemReason = null;
    }

    /// <summary>
    /// Acts within <paramref name="organizationId"/> because an admission check (room access) or a public-read
    /// method already authorised the caller for one item of that organisation. The department narrowing of the
    /// caller's own scope does not apply there (a department may read a public item it does not handle).
    /// </summary>
    public void ActFor(Guid organizationId)
    {
        if (Mode == OrgScopeMode.System) return;
        DepartmentId = null;
        Mode = OrgScopeMode.Organization;
        OrganizationId = organizationId;
    }

    /// <summary>Sees every organisation. Only for jobs, seeding and start-up; name the reason.</summary>
    public void UseSystem(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Mode = OrgScopeMode.System;
        OrganizationId = null;
        DepartmentId = null;
        SystemReason = reason;
    }

    /// <summary>A new scope that sees every organisation (contexts made outside DI: tests, tools).</summary>
    public static OrgScope ForSystem(string reason)
    {
        var scope = new OrgScope();
        scope.UseSystem(reason);
        return scope;
    }

    /// <inheritdoc />
    public override string ToString() => Mode switch
    {
        OrgScopeMode.Organization => $"org {OrganizationId}" + (DepartmentId is { } d ? $" dept {d}" : ""),
        OrgScopeMode.System => $"system ({SystemReason})",
        _ => "none",
    };
}
