using System.Security.Cryptography;
using Deliberation.Core.Streaming;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Features.Streaming;

public static class StreamingSetup
{
    public static IServiceCollection AddStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StreamingOptions>(configuration.GetSection(StreamingOptions.Section));
        services.AddSingleton(sp =>
        {
            var secret = sp.GetRequiredService<IOptions<StreamingOptions>>().Value.SigningSecret;
            if (string.IsNullOrEmpty(secret))
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StreamingSetup))
                    .LogWarning("Streaming:SigningSecret is not set: media URLs are signed with a random secret of this process (one node, lost on restart)");
                secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            }
            return new MediaUrlSigner(secret);
        });
        services.AddScoped(sp =>
        {
            var commands = ActivatorUtilities.CreateInstance<StreamCommands>(sp);
            commands.KeyGrace = sp.GetRequiredService<IOptions<StreamingOptions>>().Value.KeyGrace;
            return commands;
        });
        services.AddScoped<StreamInfoReader>();
        return services;
    }

    public static void MapStreaming(this WebApplication app)
    {
        app.Map(MediaUrlSigner.Prefix, media => media.UseMiddleware<MediaFiles>());
        app.MapStreamApi();
    }
}
