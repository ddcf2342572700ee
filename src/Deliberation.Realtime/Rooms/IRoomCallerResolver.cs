using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.Http;

namespace Deliberation.Realtime.Rooms;

/// <summary>Reads the caller from the connection's HTTP context: the sign-in cookie's claims, or the signed visitor cookie.</summary>
public interface IRoomCallerResolver
{
    /// <summary>The caller of the request that opened the connection.</summary>
    RoomCaller Resolve(HttpContext http);
}
