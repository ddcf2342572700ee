namespace Deliberation.Web.Tests.Tenancy;

/// <summary>The second demo body's accounts (Seed/demo-county.json): a county 政协 under the demo city.</summary>
public static class County
{
    public const string Name = "滨江市临江区政协";
    public static readonly (string User, string Password) Staff = ("county-staff", "CountyStaff#2026");
    public static readonly (string User, string Password) Moderator = ("county-host", "CountyHost#2026");
    public static readonly (string User, string Password) Member = ("county-member", "CountyMember#2026");
    public static readonly (string User, string Password) Department = ("county-dept", "CountyDept#2026");
    public static readonly (string User, string Password) Leader = ("county-leader", "CountyLeader#2026");
}
