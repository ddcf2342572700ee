using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Deliberation.Testing;
using Deliberation.Web.Tests.Infrastructure;
using Deliberation.Web.Tests.Tenancy;
using UglyToad.PdfPig;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>
/// Guarantee 3 end to end: for every fence form reviewers see shaded as internal, the secret sentence is absent
/// from the public Markdown, HTML, Word and PDF downloads and the public page, and present (shaded) for reviewers.
/// </summary>
[Collection(HubCollection.Name)]
public class MinutesPublicTextTests(HubFactory hub)
{
    [Theory]
    [MemberData(nameof(InternalFences.Names), MemberType = typeof(InternalFences))]
    public async Task EveryInternalFence_IsShadedForReviewers_AndAbsentFromEveryPublicExport(string variant)
    {
        var seed = 0x7100 + InternalFences.Variants.Keys.ToList().IndexOf(variant);
        var f = await hub.CreateFixtureAsync(seed);
        var id = await hub.CreateMinutesWithTextAsync(f, InternalFences.Document(variant));

        var staff = hub.Browser();
        await staff.SignInAsync(await hub.StaffOfAsync(f.OrganizationId));
        var full = new HtmlParser().ParseDocument(await staff.GetStringAsync($"/api/minutes/{id}/full.html"));
        Assert.Contains(full.QuerySelectorAll(".internal"), e => e.TextContent.Contains(InternalFences.Secret));

        await hub.PublishAsync(id);
        await hub.SettlePublicRendersAsync();
        var anonymous = hub.Browser();
        var texts = new Dictionary<string, string>
        {
            ["md"] = await GetOkStringAsync(anonymous, $"/api/minutes/{id}/public.md"),
            ["html"] = await GetOkStringAsync(anonymous, $"/api/minutes/{id}/public.html"),
            ["docx"] = DocxText(await GetOkBytesAsync(anonymous, $"/api/minutes/{id}/public.docx")),
            ["pdf"] = PdfText(await GetOkBytesAsync(anonymous, $"/api/minutes/{id}/public.pdf")),
            ["page"] = await GetOkStringAsync(anonymous, $"/minutes/{f.SessionId}"),
        };
        foreach (var (format, text) in texts)
        {
            Assert.False(text.Contains("SECRET", StringComparison.Ordinal), $"{format} holds the internal passage");
            Assert.True(text.Contains(InternalFences.Before, StringComparison.Ordinal), $"{format} lost the public text");
        }
        // Reviewers still read it in their own downloads.
        Assert.Contains(InternalFences.Secret, await staff.GetStringAsync($"/api/minutes/{id}/full.md"));
    }

    private static async Task<string> GetOkStringAsync(HttpClient client, string url) => System.Text.Encoding.UTF8.GetString(await GetOkBytesAsync(client, url));

    private static async Task<byte[]> GetOkBytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    internal static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        // The CJK font's ToUnicode maps some glyphs to Kangxi radicals; NFKC folds them back.
        return string.Concat(pdf.GetPages().Select(p => p.Text)).Normalize(System.Text.NormalizationForm.FormKC);
    }
}
