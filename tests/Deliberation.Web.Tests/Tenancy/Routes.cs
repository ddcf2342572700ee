using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>
/// Every route the app maps (Razor pages and minimal APIs, from its <see cref="EndpointDataSource"/>), each with how
/// the cross-organisation tests reach it: <see cref="Probes"/> asks for the demo city's record by id as another
/// body's accounts; <see cref="Lists"/> checks that a list shows only the caller's body; <see cref="Public"/> are
/// open to everyone on purpose and are probed with the city's non-public ids. A route in none of them fails
/// <c>EveryRoute_HasACrossOrganisationTest</c>: a new page or API must say how it keeps organisations apart.
/// </summary>
public static class Routes
{
    /// <summary>Routes with an id: pattern → the URL of the city's record.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CityRecord, string>> Probes = new Dictionary<string, Func<CityRecord, string>>
    {
        ["admin/questionnaires/{id:guid}"] = c => $"/Admin/Questionnaires/{c.Questionnaire}",
        ["admin/followup/item/{id:guid}"] = c => $"/Admin/FollowUp/Item/{c.Item}",
        ["admin/members/edit/{id:guid?}"] = c => $"/Admin/Members/Edit/{c.Member}",
        ["admin/sessions/agenda/{id:guid}"] = c => $"/Admin/Sessions/Agenda/{c.Session}",
        ["admin/sessions/edit/{id:guid?}"] = c => $"/Admin/Sessions/Edit/{c.Session}",
        ["admin/sessions/participants/{id:guid}"] = c => $"/Admin/Sessions/Participants/{c.Session}",
        ["admin/sessions/stream/{id:guid}"] = c => $"/Admin/Sessions/Stream/{c.Session}",
        ["admin/minutes/versions/{id:guid}"] = c => $"/Admin/Minutes/Versions/{c.Minutes}",
        ["admin/minutes/view/{id:guid}"] = c => $"/Admin/Minutes/View/{c.Minutes}",
        ["admin/minutes/edit/{id:guid}"] = c => $"/Admin/Minutes/Edit/{c.Minutes}",
        ["admin/minutes/source/{kind}/{id:guid}"] = c => $"/admin/minutes/source/comment/{c.Comment}",
        ["workspace/mine/{id:guid}"] = c => $"/Workspace/Mine/{c.Item}",
        ["workspace/department/{id:guid}"] = c => $"/Workspace/Department/{c.Item}",
        ["workspace/leader/{id:guid}"] = c => $"/Workspace/Leader/{c.Item}",
        ["s/{id:guid}/console"] = c => $"/s/{c.Session}/console",
        ["s/{id:guid}/screen"] = c => $"/s/{c.Session}/screen",
        ["s/{id:guid}/room"] = c => $"/s/{c.DraftSession}/room",
        // The replay of the city's closed session (its approved comment carries the secret): refused like its room.
        ["s/{id:guid}/replay"] = c => $"/s/{c.Session}/replay",
        ["api/sessions/{id:guid}/replay/comments"] = c => $"/api/sessions/{c.Session}/replay/comments?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}",
        ["api/questionnaires/{id:guid}/responses.csv"] = c => $"/api/questionnaires/{c.Questionnaire}/responses.csv",
        ["api/questionnaires/{id:guid}/responses.xlsx"] = c => $"/api/questionnaires/{c.Questionnaire}/responses.xlsx",
        ["api/questionnaires/{id:guid}/aggregate"] = c => $"/api/questionnaires/{c.Questionnaire}/aggregate",
        ["api/minutes/{id:guid}/full.{format}"] = c => $"/api/minutes/{c.Minutes}/full.md",
        ["api/minutes/{id:guid}/status"] = c => $"/api/minutes/{c.Minutes}/status",
        ["api/minutes/session/{consultationid:guid}/data.xlsx"] = c => $"/api/minutes/session/{c.Session}/data.xlsx",
        ["api/minutes/session/{consultationid:guid}/data/{table}.csv"] = c => $"/api/minutes/session/{c.Session}/data/comments.csv",
        ["followup/attachments/{id:guid}"] = c => $"/followup/attachments/{c.Attachment}",
        // Public routes, asked for the city's records that are not public: a draft session, unpublished minutes, a non-public item.
        ["s/{id:guid}"] = c => $"/s/{c.DraftSession}",
        ["s/{id:guid}/qr.svg"] = c => $"/s/{c.DraftSession}/qr.svg",
        ["minutes/{consultationid:guid}"] = c => $"/minutes/{c.DraftSession}",
        ["api/minutes/{id:guid}/public.{format}"] = c => $"/api/minutes/{c.Minutes}/public.md",
        ["progress/{id:guid}"] = c => $"/progress/{c.Item}",
        ["api/followup/items/{id:guid}"] = c => $"/api/followup/items/{c.Item}",
        ["api/sessions/{id:guid}/stream"] = c => $"/api/sessions/{c.DraftSession}/stream",
    };

    /// <summary>Lists and dashboards of one body: the city's secret must not appear for another body's accounts.</summary>
    public static readonly IReadOnlyList<string> Lists =
    [
        "admin", "admin/sessions", "admin/members", "admin/departments", "admin/sectors", "admin/committees", "admin/questionnaires",
        "admin/followup", "admin/followup/stats", "admin/followup/create", "admin/minutes", "admin/minutes/template",
        "workspace", "workspace/leader", "workspace/department", "workspace/mine", "workspace/notifications", "api/notifications",
        // Public lists of every body: they show only published sessions and public items, never the city's secret record.
        "", "progress", "progress/feed.atom", "api/followup/items", "api/consultations", "join",
    ];

    /// <summary>Routes that hold no organisation's data, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>
    {
        ["account/signin"] = "sign-in form",
        ["account/signout"] = "sign-out",
        ["error/{code:int}"] = "status page",
        ["culture"] = "language switch",
        ["s/{id:guid}/visitor"] = "sets the caller's own visitor name cookie",
        ["api/minutes/preview"] = "renders the caller's own Markdown",
        ["api/consultations/by-code/{code}"] = "public: published sessions only (PublicReads.PublishedSessions); a draft has no usable code",
        ["q/{id:guid}"] = "public fill-in page of any body: PublicReads.PublishedQuestionnaires (a draft is 404)",
        ["api/sessions/{id:guid}/stream/screen-danmaku"] = "POST for the session's moderators only (StreamApiTests: another body's staff get 404)",
        ["api/stream/rtmp/publish"] = "nginx-rtmp callback: token-guarded, finds the stream by its publish name and acts for its body; returns no data",
        ["api/stream/rtmp/publish-done"] = "nginx-rtmp callback (as publish)", ["api/stream/rtmp/record-done"] = "nginx-rtmp callback (as publish)",
        ["health/live"] = "health", ["health/ready"] = "health",
        ["hangfire/{**path}"] = "job dashboard (admins only: it lists every body's jobs); jobs run as system",
        ["hangfire"] = "job dashboard",
        ["hubs/room"] = "RoomHub: CrossOrgHubTests", ["hubs/room/negotiate"] = "RoomHub: CrossOrgHubTests",
        ["hubs/minutes"] = "MinutesHub.Watch reads MinutesDocuments through the organisation filter (MinutesHubTests sign in within the fixture's body)", ["hubs/minutes/negotiate"] = "MinutesHub",
        ["hubs/notifications"] = "the caller's own notifications", ["hubs/notifications/negotiate"] = "NotificationHub",
    };

    /// <summary>Every route pattern of the running app, normalised (lower case, no leading slash, no trailing /index).</summary>
    public static IReadOnlyList<string> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => Normalise(e.RoutePattern.RawText ?? ""))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    public static string Normalise(string pattern)
    {
        var p = pattern.Trim('/').ToLowerInvariant();
        if (p == "index") return "";
        return p.EndsWith("/index", StringComparison.Ordinal) ? p[..^"/index".Length] : p;
    }
}
