namespace Deliberation.Core.Accounts;

/// <summary>The role names used for authorization.</summary>
public static class Roles
{
    /// <summary>System administrator.</summary>
    public const string Admin = "admin";
    /// <summary>工作人员: prepares sessions, compiles minutes, runs follow-up.</summary>
    public const string Staff = "staff";
    /// <summary>主持人: runs the live room.</summary>
    public const string Moderator = "moderator";
    /// <summary>委员.</summary>
    public const string Member = "member";
    /// <summary>承办单位.</summary>
    public const string Department = "department";
    /// <summary>领导: approves, signs and instructs.</summary>
    public const string Leader = "leader";

    /// <summary>Every role, for seeding.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Staff, Moderator, Member, Department, Leader];

    /// <summary>Roles that may manage sessions and reference data.</summary>
    public const string Managers = Admin + "," + Staff;

    /// <summary>Roles with a follow-up workspace (我的待办): departments, leaders, members and staff.</summary>
    public const string FollowUpWorkers = Department + "," + Leader + "," + Member + "," + Staff + "," + Admin;

    /// <summary>Roles that see every outcome item, internal ones included.</summary>
    public const string FollowUpInsiders = Leader + "," + Staff + "," + Admin;
}
