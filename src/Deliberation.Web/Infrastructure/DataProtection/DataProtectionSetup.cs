using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Infrastructure.DataProtection;

public static class DataProtectionSetup
{
    /// <summary>One application name and one key ring in the database, so cookies work on every node.</summary>
    public static IServiceCollection AddHubDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("deliberation");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }
}
