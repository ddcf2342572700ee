using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>Drives server-rendered forms the way a browser does: read the page, keep its antiforgery token, post.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token taken from the page at <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelectorAll("input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().FirstOrDefault()?.Value
            ?? throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(body));
    }

    public static async Task SignInAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.PostFormAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
