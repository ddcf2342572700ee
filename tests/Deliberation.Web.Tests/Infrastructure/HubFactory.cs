using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.Infrastructure;

/// <summary>
/// The real host on its own, freshly migrated and seeded PostgreSQL database (from the test command's
/// throwaway cluster, <c>TEST_PG</c>). One factory serves a whole test collection; tests make their own data.
/// </summary>
public class HubFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseName { get; } = $"test_{Guid.NewGuid():N}"[..20];

    public string ConnectionString => $"{BaseConnectionString};Database={DatabaseName}";

    /// <summary>The token of the streaming server's callbacks in tests.</summary>
    public const string StreamCallbackToken = "test-callback-token";

    /// <summary>This host's HLS and recordings folders (<c>hls/</c>, <c>rec/</c>).</summary>
    public string MediaRoot => Path.Combine(Path.GetTempPath(), $"hub-media-{DatabaseName}");

    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("TEST_PG")
        ?? throw new InvalidOperationException("TEST_PG is not set: run the tests with ./hub test");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Migrate", "true");
        builder.UseSetting("Database:SeedDemo", "true");
        // Tests drive one account hard (streams of comments); the per-person budget has its own unit test.
        builder.UseSetting("Realtime:CallsPerSecond", "1000");
        builder.UseSetting("Realtime:CallBurst", "1000");
        // Every test request comes from one address: generous request limits here; Security/ tests set tight ones.
        foreach (var rule in new[] { "VisitorIdentity", "SignIn", "Submissions", "Downloads" })
        {
            builder.UseSetting($"RateLimits:{rule}:PermitLimit", "100000");
        }
        // 直播: the callbacks' token, the signing secret and the media folders the streaming server would write.
        builder.UseSetting("Streaming:CallbackToken", StreamCallbackToken);
        builder.UseSetting("Streaming:SigningSecret", "test-signing-secret");
        builder.UseSetting("Streaming:HlsPath", Path.Combine(MediaRoot, "hls"));
        builder.UseSetting("Streaming:RecordPath", Path.Combine(MediaRoot, "rec"));
        // The CDN origins the external-source tests use: the pages' security policy admits exactly the configured ones.
        builder.UseSetting("Streaming:MediaOrigins:0", "https://live.example.org");
        builder.UseSetting("Streaming:MediaOrigins:1", "https://cdn2.example.org:8443");
        builder.ConfigureTestServices(HangfireIsolation.Apply);
        ConfigureSettings(builder);
    }

    /// <summary>Lets a derived factory add settings (Redis, clocks, limits).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder) { }

    public Task InitializeAsync()
    {
        _ = Server; // starts the host: migrates and seeds
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{BaseConnectionString};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext from the host's container.</summary>
    public async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFactory>
{
    public const string Name = "hub";
}
