using Deliberation.Core.Accounts;

namespace Deliberation.Web.Infrastructure;

public static class WebSetup
{
    public const string ManagersPolicy = "Managers";
    /// <summary>Operators of the installation (admins): the job dashboard shows every body's jobs, so staff of one body may not open it.</summary>
    public const string OperatorsPolicy = "Operators";

    public static IServiceCollection AddHubWeb(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ManagersPolicy, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(OperatorsPolicy, p => p.RequireRole(Roles.Admin));
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", ManagersPolicy);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".dlb.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHubSecurity();
        services.AddHubRateLimiting();
        // Chinese text stays readable (and 3x smaller) in the HTML instead of becoming &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Display>();
        services.AddScoped<ClientStrings>();
        services.AddHttpContextAccessor();
        return services;
    }

    public static void UseHubPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHubSecurityHeaders();
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseHubOriginCheck();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseBadInputRefusals();
    }
}
