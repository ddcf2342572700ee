using System.Xml.Linq;
using Deliberation.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>The progress board as an Atom 1.0 feed (RFC 4287): one entry per public item, newest change first.</summary>
public static class AtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static XDocument Build(IReadOnlyList<ItemRow> rows, string baseUrl, DateTimeOffset now, Display d, IStringLocalizer l)
    {
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"{baseUrl}/progress"),
            new XElement(Atom + "title", l["Progress.FeedTitle"].Value),
            new XElement(Atom + "subtitle", l["Progress.Lead"].Value),
            new XElement(Atom + "updated", Stamp(rows.Count > 0 ? rows.Max(r => r.UpdatedAt) : now)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{baseUrl}/progress/feed.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/progress")),
            new XElement(Atom + "author", new XElement(Atom + "name", l["App.Name"].Value)));
        foreach (var r in rows)
        {
            var summary = string.Join(l["List.Separator"].Value, new[]
            {
                d.Enum(r.Status),
                r.LeadName,
                r.DueAt is { } due ? l["Progress.DueOn", d.Day(due)].Value : null,
                l["Progress.Percent", r.ProgressPercent].Value,
                r.FinalSatisfaction is { } s ? d.Enum(s) : null,
                r.Overdue ? l["Progress.Overdue"].Value : null,
            }.Where(x => !string.IsNullOrEmpty(x)));
            feed.Add(new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{r.Id}"),
                new XElement(Atom + "title", $"[{d.Enum(r.Status)}] {r.Title}"),
                new XElement(Atom + "updated", Stamp(r.UpdatedAt)),
                new XElement(Atom + "published", Stamp(r.CreatedAt)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/progress/{r.Id}")),
                r.Category is null ? null : new XElement(Atom + "category", new XAttribute("term", r.Category)),
                new XElement(Atom + "summary", summary)));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
