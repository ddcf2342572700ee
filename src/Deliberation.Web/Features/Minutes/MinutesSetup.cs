using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Realtime.Minutes;

namespace Deliberation.Web.Features.Minutes;

public static class MinutesSetup
{
    public static IServiceCollection AddMinutes(this IServiceCollection services)
    {
        services.AddOptions<MinutesOptions>().BindConfiguration(MinutesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMinutesPolicies();
        services.AddScoped<MinutesCommands>();
        services.AddScoped<MinutesSignOff>();
        services.AddScoped<MinutesCompiler>();
        services.AddScoped<MinutesTemplateStore>();
        services.AddScoped<MinutesTexts>();
        services.AddScoped<MinutesDataExport>();
        services.AddScoped<MinutesCompileRequests>();
        services.AddScoped<IConsultationEvents>(sp => sp.GetRequiredService<MinutesCompileRequests>());
        services.AddScoped<CompileMinutesJob>();
        services.AddScoped<MinutesWorkDispatcher>();
        services.AddScoped<IMinutesPublishedListener, PublicFilesDispatch>();
        services.AddScoped<RenderPublicMinutesJob>();
        services.AddScoped<PublicMinutesFiles>();
        services.AddHostedService<MinutesWorkSweep>();
        services.AddSingleton<MinutesRenderer>();
        services.AddSingleton<MinutesDocumentHtml>();
        services.AddSingleton<DocxExporter>();
        services.AddSingleton<PdfExporter>();
        services.AddSingleton<MinutesDownloads>();
        services.AddSingleton<IMinutesNotifier, MinutesNotifier>();
        services.AddScoped<Seed.DemoRecordSeeder>();
        return services;
    }

    public static void MapMinutes(this WebApplication app)
    {
        app.MapHub<MinutesHub>("/hubs/minutes", o =>
        {
            o.ApplicationMaxBufferSize = 16 * 1024;
            o.TransportMaxBufferSize = 64 * 1024;
        });
        app.MapMinutesApi();
    }
}
