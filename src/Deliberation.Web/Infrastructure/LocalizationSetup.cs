using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Infrastructure;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];
    public const string CultureCookie = ".dlb.culture";

    public static IServiceCollection AddHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentUICultures = true;
            // Query first (links and tests), then the switch's cookie; browser language is ignored so the default stays Chinese.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        return services;
    }

    /// <summary>Model-binding messages ("the value is invalid") in the user's language.</summary>
    private sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var l = factory.Create(typeof(SharedResource));
            var p = options.ModelBindingMessageProvider;
            p.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            p.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.ValueInvalid", v]);
            p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            p.SetValueMustBeANumberAccessor(f => l["Validation.MustBeNumber"]);
            p.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumber"]);
            p.SetMissingBindRequiredValueAccessor(f => l["Validation.Required"]);
            p.SetValueMustNotBeNullAccessor(f => l["Validation.Required"]);
            p.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
            p.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
            p.SetUnknownValueIsInvalidAccessor(f => l["Validation.ValueInvalid", f]);
        }
    }
}
