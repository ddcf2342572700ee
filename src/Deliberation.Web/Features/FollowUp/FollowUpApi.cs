using System.Text;
using Deliberation.Core.Accounts;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>The progress board as JSON and Atom, reply attachments, and the bell's notification list.</summary>
public static class FollowUpApi
{
    public static void MapFollowUpApi(this WebApplication app)
    {
        var board = app.MapGroup("/api/followup").WithTags("FollowUp").AllowAnonymous();
        board.MapGet("/items", List).WithName("ListPublicOutcomeItems").WithSummary("Public outcome items (晒进度), filterable by session, department, status and year.");
        board.MapGet("/items/{id:guid}", Detail).WithName("GetPublicOutcomeItem").WithSummary("A public outcome item with its public timeline, replies and ratings.");
        app.MapGet("/progress/feed.atom", Feed).WithName("ProgressFeed").WithSummary("Atom feed of the progress board.").AllowAnonymous();
        app.MapGet("/followup/attachments/{id:guid}", Attachment).WithName("FollowUpAttachment").WithSummary("A reply attachment, for whoever may see the item.")
            .RequireRateLimiting(RateLimitingSetup.Downloads);
        app.MapGet("/api/notifications", Notifications).WithName("ListNotifications").WithSummary("The signed-in user's latest notifications.")
            .WithTags("Notifications").RequireAuthorization();
    }

    private static async Task<Ok<List<PublicItemDto>>> List(Guid? session, Guid? department, string? status, int? year,
        HttpRequest request, FollowUpBoard board, Display d, CancellationToken ct)
    {
        var rows = await board.PublicAsync(new BoardFilter(session, department, status, year), ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r, d, BaseUrl(request))).ToList());
    }

    private static async Task<Results<Ok<PublicItemDetailDto>, NotFound>> Detail(Guid id, HttpRequest request, HubDbContext db, OrgScope tenancy,
        FollowUpBoard board, Display d, CancellationToken ct)
    {
        var view = await ItemView.LoadPublicAsync(db, tenancy, id, ct);
        if (view is null) return TypedResults.NotFound();
        var row = (await board.RowsAsync(db.OutcomeItems.Where(i => i.Id == id), ct)).Single();
        var baseUrl = BaseUrl(request);
        return TypedResults.Ok(new PublicItemDetailDto(
            ToDto(row, d, baseUrl), view.Item.Text, view.Item.Proposers.Select(p => p.Name).ToList(), view.CoHandlerNames,
            view.Timeline.Select(e => new PublicEventDto(e.At, e.Kind.ToString(), d.Enum(e.Kind), e.From?.ToString(), e.To?.ToString(), e.ActorName,
                e.Text, e.Percent, e.Verdict?.ToString())).ToList(),
            view.Replies.Select(r => new PublicReplyDto(r.Round, r.Text, r.RepliedAt, r.OnTime, r.ContactMethod.ToString(), r.ContactedAt,
                r.Attachments.Select(a => $"{baseUrl}/followup/attachments/{a.Id}").ToList())).ToList(),
            view.Ratings.Select(r => new PublicRatingDto(r.Round, r.Overall.ToString(), r.Communication.ToString(), r.Adoption.ToString(),
                r.Effect.ToString(), r.RatedAt)).ToList()));
    }

    private static async Task<IResult> Feed(HttpRequest request, FollowUpBoard board, Display d, TimeProvider clock,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var rows = (await board.PublicAsync(new BoardFilter(), ct)).Take(50).ToList();
        var xml = AtomFeed.Build(rows, BaseUrl(request), clock.GetUtcNow(), d, l);
        return Results.Text(xml.Declaration + "\n" + xml.Root, "application/atom+xml", Encoding.UTF8);
    }

    /// <summary>
    /// Allowed when the item is on the public board (any body), or within the viewer's own body (the organisation
    /// filter) when the viewer is its staff or leader, a handling department (the filter keeps a department to
    /// its own items) or a proposer.
    /// </summary>
    private static async Task<IResult> Attachment(Guid id, HttpContext http, HubDbContext db, CancellationToken ct)
    {
        var user = http.User;
        var insider = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Department);
        var member = user.MemberId();
        var file = await (from a in db.FollowUpAttachments
                          join r in db.FollowUpReplies on a.ReplyId equals r.Id
                          join i in db.OutcomeItems on r.ItemId equals i.Id
                          where a.Id == id && (insider || (member != null && i.Proposers.Any(p => p.MemberId == member)))
                          select new { a.FileName, a.ContentType, a.Data }).SingleOrDefaultAsync(ct)
            ?? await db.PublicBoardAttachments().Where(a => a.Id == id)
                .Select(a => new { a.FileName, a.ContentType, a.Data }).SingleOrDefaultAsync(ct);
        if (file is null) return TypedResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Data, Uploads.SafeContentType(file.FileName), file.FileName);
    }

    private static async Task<Ok<NotificationListDto>> Notifications(HttpContext http, HubDbContext db, NotificationTexts texts, CancellationToken ct)
    {
        var me = http.User.UserId();
        var latest = await db.Notifications.AsNoTracking().Where(n => n.UserId == me).OrderByDescending(n => n.Id).Take(20).ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
        return TypedResults.Ok(new NotificationListDto(unread,
            latest.Select(n => new NotificationDto(n.Id, texts.Text(n), $"/Workspace/Notifications?handler=Open&id={n.Id}", n.CreatedAt, n.ReadAt != null)).ToList()));
    }

    private static PublicItemDto ToDto(ItemRow r, Display d, string baseUrl) => new(
        r.Id, r.Title, r.Category, r.Status.ToString(), d.Enum(r.Status), r.LeadName, r.SessionTitle, r.DueAt, r.ProgressPercent,
        r.FinalSatisfaction?.ToString(), r.FinalSatisfaction is { } s ? d.Enum(s) : null, r.Overdue, r.Round, r.CreatedAt, r.UpdatedAt,
        $"{baseUrl}/progress/{r.Id}");

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
