namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>The demo accounts from Seed/demo-data.json.</summary>
public static class Demo
{
    public static readonly (string User, string Password) Admin = ("admin", "Admin#2026hub");
    public static readonly (string User, string Password) Staff = ("staff", "Staff#2026hub");
    public static readonly (string User, string Password) Moderator = ("moderator", "Host#2026hub");
    public static readonly (string User, string Password) Member = ("member", "Member#2026hub");
    public static readonly (string User, string Password) Department = ("department", "Dept#2026hub");
    public static readonly (string User, string Password) Leader = ("leader", "Leader#2026hub");

    public static Task SignInAsync(this HttpClient client, (string User, string Password) account) =>
        client.SignInAsync(account.User, account.Password);
}
