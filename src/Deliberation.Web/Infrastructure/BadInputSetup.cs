namespace Deliberation.Web.Infrastructure;

public static class BadInputSetup
{
    /// <summary>
    /// Adds <see cref="BadInput"/>. Call it inside the status-code pages (so a refusal gets the localised 400 page)
    /// and after routing and antiforgery (so it sees their outcome).
    /// </summary>
    public static IApplicationBuilder UseBadInputRefusals(this IApplicationBuilder app) => app.UseMiddleware<BadInput>();
}
