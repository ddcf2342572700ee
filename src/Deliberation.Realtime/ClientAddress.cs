using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Deliberation.Realtime;

/// <summary>
/// The client's address as limits key it: the connection's remote address after the trusted forwarded headers
/// (only configured proxies may set it), an IPv6 client by its /64 (one subscriber is usually handed a whole /64,
/// so stepping through it must not buy a fresh limit).
/// </summary>
public static class ClientAddress
{
    /// <summary>The key of the address the request came from; "-" when the transport has none (a Unix socket).</summary>
    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    /// <summary>The key of <paramref name="ip"/>.</summary>
    public static string Key(IPAddress? ip)
    {
        if (ip is null) return "-";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
