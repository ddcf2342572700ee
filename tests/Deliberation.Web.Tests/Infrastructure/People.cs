using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>A person with their own cookie jar: signed in with an account, or a public visitor with a chosen name.</summary>
public sealed class Person(HubFactory hub, CookieContainerHandler jar)
{
    public HttpClient Http { get; } = hub.CreateDefaultClient(jar);

    public string CookieHeader => jar.Container.GetCookieHeader(new Uri("http://localhost"));

    public static async Task<Person> SignedInAsync(HubFactory hub, (string User, string Password) account)
    {
        var p = new Person(hub, new CookieContainerHandler());
        await p.Http.SignInAsync(account);
        return p;
    }

    public static async Task<Person> VisitorAsync(HubFactory hub, Guid roomId, string name)
    {
        var p = new Person(hub, new CookieContainerHandler());
        var response = await p.Http.PostFormAsync("/", new Dictionary<string, string> { ["displayName"] = name }, $"/s/{roomId}/visitor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return p;
    }

    public Task<RoomTestClient> JoinAsync(Guid roomId) => RoomTestClient.ConnectAsync(hub, this, roomId);
}
