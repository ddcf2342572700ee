using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Features.Consultations;

public static class ConsultationsSetup
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<ConsultationCommands>();
        services.AddSingleton<QrCodes>();
        return services;
    }

    public static void MapConsultations(this WebApplication app)
    {
        var api = app.MapGroup("/api/consultations").WithTags("Consultations").AllowAnonymous();
        api.MapGet("/", ListPublished).WithName("ListConsultations").WithSummary("Published sessions, newest first.");
        api.MapGet("/by-code/{code}", FindByCode).WithName("FindConsultationByCode").WithSummary("Resolves a six-digit room code.");
        app.MapGet("/s/{id:guid}/qr.svg", QrCode).WithName("SessionQrCode").AllowAnonymous();
    }

    private static async Task<Ok<List<ConsultationSummary>>> ListPublished(HubDbContext db, CancellationToken ct)
    {
        var list = await db.PublishedSessions().AsNoTracking()
            .OrderByDescending(c => c.StartsAt)
            .Take(100)
            .Select(ConsultationSummary.Projection)
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<ConsultationSummary>, NotFound>> FindByCode(string code, HubDbContext db, CancellationToken ct)
    {
        if (!RoomCodes.IsWellFormed(code)) return TypedResults.NotFound();
        var c = await db.PublishedSessions().AsNoTracking()
            .Where(x => x.RoomCode == code && x.Status != ConsultationStatus.Archived)
            .Select(ConsultationSummary.Projection)
            .SingleOrDefaultAsync(ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(c);
    }

    private static async Task<IResult> QrCode(Guid id, HttpRequest request, HubDbContext db, QrCodes qr, CancellationToken ct)
    {
        var exists = await db.PublishedSessions().AnyAsync(c => c.Id == id, ct);
        if (!exists) return TypedResults.NotFound();
        var url = $"{request.Scheme}://{request.Host}/s/{id}/room";
        return Results.Text(qr.Svg(url), "image/svg+xml");
    }
}

public sealed record ConsultationSummary(
    Guid Id, string Title, ConsultationType Type, ConsultationMode Mode, ConsultationStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string RoomCode, PublicAccess PublicAccess, Guid OrganizationId)
{
    /// <summary>The body (政协) that holds the session, on lists that show several bodies' sessions.</summary>
    public string? Body { get; init; }

    /// <summary>The one projection every list uses, translated to SQL.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Consultation, ConsultationSummary>> Projection =
        c => new ConsultationSummary(c.Id, c.Title, c.Type, c.Mode, c.Status, c.StartsAt, c.EndsAt, c.RoomCode, c.PublicAccess, c.OrganizationId);
}
