using System.Globalization;
using Deliberation.Core.Accounts;
using Deliberation.Core.Notifications;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.FollowUp;

/// <summary>Finds who should hear about an item and adds their notifications to the unit of work.</summary>
public sealed class FollowUpNotices(HubDbContext db)
{
    /// <summary>The accounts of an audience: staff or leaders of the body, users of departments, or proposing members.</summary>
    public async Task<List<Guid>> UsersAsync(NotificationAudience audience, Guid organizationId, IEnumerable<Guid>? ids, CancellationToken ct)
    {
        var list = ids?.ToList() ?? [];
        return audience switch
        {
            NotificationAudience.Staff => await InRoleAsync(organizationId, Roles.Staff, ct),
            NotificationAudience.Leader => await InRoleAsync(organizationId, Roles.Leader, ct),
            NotificationAudience.Department => await db.Users.Where(u => u.DepartmentId != null && list.Contains(u.DepartmentId.Value))
                .Select(u => u.Id).ToListAsync(ct),
            _ => await db.Members.Where(m => list.Contains(m.Id) && m.UserId != null).Select(m => m.UserId!.Value).ToListAsync(ct),
        };
    }

    /// <summary>Adds one notification per recipient (never to <paramref name="except"/>, the person acting).</summary>
    public async Task<List<Notification>> AddAsync(NotificationAudience audience, OutcomeItem item, IEnumerable<Guid>? ids, string kind,
        DateTimeOffset now, Guid? except, CancellationToken ct, params string[] args)
    {
        var users = await UsersAsync(audience, item.OrganizationId, ids, ct);
        var list = users.Distinct().Where(u => u != except).Select(u => new Notification
        {
            UserId = u, Kind = kind, Audience = audience, ItemId = item.Id, Args = [item.Title, .. args], CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(list);
        return list;
    }

    /// <summary>Adds one notification per member of an audience of the whole body (digests: no item).</summary>
    public async Task<List<Notification>> AddToOrganizationAsync(NotificationAudience audience, Guid organizationId, string kind,
        DateTimeOffset now, CancellationToken ct, params string[] args)
    {
        var users = await UsersAsync(audience, organizationId, null, ct);
        var list = users.Distinct().Select(u => new Notification
        {
            UserId = u, Kind = kind, Audience = audience, Args = [.. args], CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(list);
        return list;
    }

    /// <summary>A date as the hub's users read it (Beijing), culture-neutral so any language can show it.</summary>
    public static string Date(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An argument the reader's language renders from the resource <paramref name="key"/>.</summary>
    public static string Localized(string key) => "@" + key;

    private async Task<List<Guid>> InRoleAsync(Guid organizationId, string role, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.Name == role && (u.OrganizationId == organizationId || u.OrganizationId == null)
               select u.Id).Distinct().ToListAsync(ct);
}
