using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Web.Features.Replay;

/// <summary>Why the replay's comments were refused: signin, registered or closed.</summary>
public sealed record ReplayRefusal(string Reason);

/// <summary>回放: the replay page's gate and reads, and the comments it replays in windows.</summary>
public static class ReplaySetup
{
    public static IServiceCollection AddReplay(this IServiceCollection services)
    {
        services.AddScoped<ReplayGate>();
        services.AddScoped<ReplayReads>();
        return services;
    }

    public static void MapReplay(this WebApplication app)
    {
        app.MapGet("/api/sessions/{id:guid}/replay/comments", Comments).WithName("ReplayComments").WithTags("Replay").AllowAnonymous()
            .WithSummary("The approved comments of a session's replay in one time window [from, to) (at most 10 minutes, 200 comments), for whoever may watch its stream.");
    }

    /// <summary>
    /// One window of the replayed comments. 404 for a session the caller cannot open, 403 when it is closed to them or
    /// its stream is restricted (<c>reason</c>: signin, registered), 400 without a valid window.
    /// </summary>
    private static async Task<Results<Ok<ReplayCommentsDto>, NotFound, JsonHttpResult<ReplayRefusal>, BadRequest>> Comments(
        Guid id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, ReplayGate gate, ReplayReads reads, CancellationToken ct)
    {
        if (from is not { } start || to is not { } end || end < start) return TypedResults.BadRequest();
        var admission = await gate.AdmitAsync(http, id, ct);
        http.Response.Headers.CacheControl = "no-store";
        if (admission.Entry == ReplayEntry.NotFound) return TypedResults.NotFound();
        if (admission.Entry == ReplayEntry.Refused || !admission.CanWatch)
            return TypedResults.Json(new ReplayRefusal(admission.Reason ?? "closed"), statusCode: StatusCodes.Status403Forbidden);
        return TypedResults.Ok(await reads.CommentsAsync(id, start, end, ct));
    }
}
