using System.Text.Json;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Web.Tests.Security;

/// <summary>A browser-like client from one address: its own cookie jar, requests stamped with that address.</summary>
public sealed class Client
{
    private readonly SecurityFactory _hub;
    private readonly CookieContainerHandler _jar = new();

    public Client(SecurityFactory hub, string? address = null)
    {
        _hub = hub;
        Address = address ?? SecurityFactory.NewAddress();
        Http = hub.CreateDefaultClient(new Stamp(Address), _jar);
    }

    public string Address { get; }

    public HttpClient Http { get; }

    public string CookieHeader => _jar.Container.GetCookieHeader(new Uri("http://localhost"));

    /// <summary>Takes a visitor identity (the visitor cookie) for <paramref name="room"/>, as the room's name form does.</summary>
    public async Task<HttpResponseMessage> TakeVisitorIdentityAsync(Guid room, string name) =>
        await Http.PostFormAsync("/", new Dictionary<string, string> { ["displayName"] = name }, $"/s/{room}/visitor");

    /// <summary>Opens the room hub over WebSockets with this client's cookies, address and the given <c>Origin</c>.</summary>
    public async Task<HubConnection> ConnectAsync(string? origin = null)
    {
        var ws = _hub.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r =>
        {
            r.Headers.Cookie = CookieHeader;
            r.Headers[SecurityFactory.RemoteHeader] = Address;
            if (origin is not null) r.Headers.Origin = origin;
        };
        var connection = new HubConnectionBuilder()
            .WithUrl("http://localhost/hubs/room", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (ctx, ct) => await ws.ConnectAsync(ctx.Uri, ct);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Joins as the browser does (<c>{ roomId, lastSeq, screen }</c>).</summary>
    public static Task<JsonElement> JoinAsync(HubConnection connection, Guid room, bool screen = false) =>
        connection.InvokeAsync<JsonElement>("Join", new { roomId = room, lastSeq = (long?)null, screen });

    private sealed class Stamp(string address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.TryAddWithoutValidation(SecurityFactory.RemoteHeader, address);
            return base.SendAsync(request, ct);
        }
    }
}
