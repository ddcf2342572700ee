using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Deliberation.Realtime;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Deliberation.Web.Infrastructure;

namespace Deliberation.Web.Features.Rooms;

public static class RoomsSetup
{
    public static IServiceCollection AddRooms(this IServiceCollection services)
    {
        services.AddSingleton<IRoomCallerResolver, RoomCallerResolver>();
        return services;
    }

    public static void MapRooms(this WebApplication app)
    {
        app.MapRealtime();
        app.MapPost("/s/{id:guid}/visitor", RememberVisitor).WithName("RememberVisitor").AllowAnonymous()
            .RequireRateLimiting(RateLimitingSetup.VisitorIdentity);
        app.MapQuestionnaires();
    }

    /// <summary>A public visitor picks the name shown with their comments; the signed cookie remembers it.</summary>
    private static async Task<IResult> RememberVisitor(Guid id, [FromForm] string? displayName, HttpContext http, AnonymousVisitors visitors,
        HubDbContext db, CancellationToken ct)
    {
        var exists = await db.PublishedSessions().AnyAsync(c => c.Id == id && c.Status != ConsultationStatus.Archived
            && c.PublicAccess != PublicAccess.Closed, ct);
        if (!exists) return Results.NotFound();
        var name = AnonymousVisitors.NormalizeName(displayName ?? "");
        if (name.Length == 0) return Results.LocalRedirect($"/s/{id}/room?name=missing");
        visitors.Remember(http, name);
        return Results.LocalRedirect($"/s/{id}/room");
    }
}
