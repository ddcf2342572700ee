using Deliberation.Core.Accounts;
using Deliberation.Core.Persistence;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddHubAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HubDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<HubClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".dlb.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                // A signed-in user without the role gets a plain 403 page, not a redirect loop.
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (IsApiOrHub(ctx.Request))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<AnonymousVisitors>();
        return services;
    }

    private static bool IsApiOrHub(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    public static void MapAccounts(this WebApplication app)
    {
        app.MapPost("/culture", SwitchCulture).WithName("SwitchCulture").AllowAnonymous();
    }

    /// <summary>The language switch: remembers the choice for a year and goes back where the user was.</summary>
    private static IResult SwitchCulture(HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        if (!LocalizationSetup.Cultures.Any(c => c.Name == culture))
        {
            culture = LocalizationSetup.Cultures[0].Name;
        }
        http.Response.Cookies.Append(
            LocalizationSetup.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}
