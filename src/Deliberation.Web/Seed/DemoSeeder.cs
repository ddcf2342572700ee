using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Seed;

/// <summary>
/// Loads the demo bodies: the city from Seed/demo-data.json and the county under it from Seed/demo-county.json,
/// each with its own accounts, sessions, minutes and outcome items. Idempotent: each part is added only when missing, so
/// running it on every start (as <c>./hub run</c> does) changes nothing the second time.
/// </summary>
public sealed partial class DemoSeeder(
    HubDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock,
    IWebHostEnvironment env,
    ILogger<DemoSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The demo bodies' files, parents first.</summary>
    public static readonly IReadOnlyList<string> Files = ["demo-data.json", "demo-county.json"];

    public static IReadOnlyList<DemoData> LoadAll(string contentRoot) => Files.Select(f => Load(contentRoot, f)).ToList();

    public static DemoData Load(string contentRoot, string file = "demo-data.json")
    {
        var path = Path.Combine(contentRoot, "Seed", file);
        return JsonSerializer.Deserialize<DemoData>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} is empty");
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
        foreach (var data in LoadAll(env.ContentRootPath)) await SeedBodyAsync(data, ct);
    }

    private async Task SeedBodyAsync(DemoData data, CancellationToken ct)
    {
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.Name == data.Organization.Name, ct);
        if (org is null)
        {
            org = await SeedOrganizationAsync(data, ct);
            LogSeeded(logger, org.Name);
        }
        await SeedAccountsAsync(data, org, ct);
        if (!await db.Consultations.AnyAsync(c => c.OrganizationId == org.Id, ct))
        {
            await SeedSessionsAsync(data, org, ct);
        }
        await SeedMinutesAsync(data, org, ct);
        await SeedFollowUpAsync(data, org, ct);
    }

    private async Task<Organization> SeedOrganizationAsync(DemoData data, CancellationToken ct)
    {
        // The county's parent is the city seeded before it; the city's parent (the province) is only a name.
        var parent = await db.Organizations.SingleOrDefaultAsync(o => o.Name == data.ParentOrganization.Name, ct);
        if (parent is null)
        {
            parent = new Organization { Name = data.ParentOrganization.Name, Level = data.ParentOrganization.Level };
            db.Organizations.Add(parent);
        }
        var org = new Organization { Name = data.Organization.Name, Level = data.Organization.Level, ParentId = parent.Id };
        db.Organizations.Add(org);
        var sectors = data.Sectors.Select((n, i) => new Sector { OrganizationId = org.Id, Name = n, SortOrder = i + 1 }).ToList();
        var committees = data.Committees.Select((n, i) => new Committee { OrganizationId = org.Id, Name = n, SortOrder = i + 1 }).ToList();
        db.Sectors.AddRange(sectors);
        db.Committees.AddRange(committees);
        db.Departments.AddRange(data.Departments.Select(n => new Department { OrganizationId = org.Id, Name = n }));
        db.Members.AddRange(GenerateMembers(data, org.Id, sectors, committees));
        await db.SaveChangesAsync(ct);
        return org;
    }

    /// <summary>Deterministic names: the same file always yields the same 200 members.</summary>
    internal static IEnumerable<Member> GenerateMembers(DemoData data, Guid orgId, IReadOnlyList<Sector> sectors, IReadOnlyList<Committee> committees)
    {
        var used = new HashSet<string>();
        var surnames = data.Surnames.EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (int i = 0, k = 0; i < data.MemberCount; k++)
        {
            var name = surnames[k % surnames.Length] + data.GivenNames[(k * 7 + k / surnames.Length) % data.GivenNames.Length];
            if (!used.Add(name)) continue;
            yield return new Member
            {
                OrganizationId = orgId,
                FullName = name,
                SectorId = sectors[i % sectors.Count].Id,
                CommitteeId = committees[i % committees.Count].Id,
                Group = data.Groups[i % data.Groups.Length],
                IsStandingMember = i % 5 == 0,
                Affiliation = data.Affiliations[i % data.Affiliations.Length],
            };
            i++;
        }
    }

    private async Task SeedAccountsAsync(DemoData data, Organization org, CancellationToken ct)
    {
        foreach (var a in data.Accounts)
        {
            if (await users.FindByNameAsync(a.UserName) is not null) continue;
            var user = new AppUser { UserName = a.UserName, DisplayName = a.DisplayName, OrganizationId = org.Id, EmailConfirmed = true };
            if (a.MemberIndex is int index)
            {
                var member = await db.Members.Where(m => m.OrganizationId == org.Id).OrderBy(m => m.FullName == a.DisplayName ? 0 : 1)
                    .ThenBy(m => m.FullName).Skip(index).FirstAsync(ct);
                user.MemberId = member.Id;
                user.DisplayName = member.FullName;
            }
            if (a.Department is not null)
            {
                user.DepartmentId = await db.Departments.Where(d => d.OrganizationId == org.Id && d.Name == a.Department)
                    .Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
            }
            var result = await users.CreateAsync(user, a.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"demo account {a.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
            await users.AddToRolesAsync(user, a.Roles);
            if (user.MemberId is Guid memberId)
            {
                await db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UserId, user.Id), ct);
            }
        }
    }

    /// <summary>The user name of the body's account with <paramref name="role"/> (the one with fewest roles: "staff" over "admin,staff").</summary>
    internal static string UserNameWithRole(DemoData data, string role) =>
        data.Accounts.Where(a => a.Roles.Contains(role)).OrderBy(a => a.Roles.Length).First().UserName;
}
