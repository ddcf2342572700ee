using System.Security.Claims;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Features.Accounts;

namespace Deliberation.Web.Features.Rooms;

/// <summary>The room caller from the sign-in cookie's claims, else from the signed visitor cookie.</summary>
public sealed class RoomCallerResolver(AnonymousVisitors visitors) : IRoomCallerResolver
{
    public RoomCaller Resolve(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.UserId() is Guid userId)
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
            return new RoomCaller(userId, user.DisplayName(), roles, user.MemberId(), user.DepartmentId(), null, user.OrganizationId());
        }
        var visitor = visitors.Read(http.Request.Cookies[AnonymousVisitors.CookieName]);
        return new RoomCaller(null, visitor?.DisplayName, new HashSet<string>(), null, null, visitor?.Id);
    }
}
