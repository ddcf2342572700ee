using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Deliberation.Web.Infrastructure;

public static partial class DatabaseSetup
{
    public static IServiceCollection AddHubDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Run the hub with ./hub run, or set ConnectionStrings__Default.");
        }
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        // Pooled contexts with per-scope state (EF's documented pattern): the pool is a factory; the scoped
        // HubDbContext every class injects is rented through ScopedHubDbContextFactory, which hands it this scope's
        // OrgScope — the organisation filter of every query (Core/Tenancy, HubDbContext.Tenancy.cs).
        services.AddPooledDbContextFactory<HubDbContext>(o => o.UseNpgsql(dataSource)
            // Room child rows are left unfiltered on purpose (hot path; their room id comes from an admitted room).
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        services.AddScoped<OrgScope>();
        services.AddScoped<ScopedHubDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<ScopedHubDbContextFactory>().CreateDbContext());
        services.AddScoped<DemoSeeder>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Checks the database answers, then migrates and seeds as configured. Returns false (after logging a
    /// message that names the target) when the database cannot be reached, so the host exits without a stack trace.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var target = DescribeTarget(dataSource.ConnectionString);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.ConnectTimeoutSeconds));
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName && options.Migrate)
        {
            // The server answers but the database is new: create it here rather than let the migrator probe and log a failure.
            var admin = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { Database = "postgres", Pooling = false };
            var name = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database!;
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            LogDatabaseUnreachable(app.Logger, target, ex.GetBaseException().Message);
            await Console.Error.WriteLineAsync($"Cannot reach the database at {target}: {ex.GetBaseException().Message}");
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().UseSystem("start-up: migrate and seed the demo bodies");
        if (options.Migrate)
        {
            // On a new database the migrator's first probe of its history table fails by design; EF logs that
            // as an error. Only this context, used only here, hears it at debug level.
            var migrateOptions = new DbContextOptionsBuilder<HubDbContext>()
                .UseNpgsql(dataSource)
                .UseLoggerFactory(app.Services.GetRequiredService<ILoggerFactory>())
                .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug)))
                .Options;
            await using var migrator = new HubDbContext(migrateOptions);
            await migrator.Database.MigrateAsync();
        }
        if (options.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoRecordSeeder>().SeedAsync();
            PrintDemoAccounts(app.Environment.ContentRootPath);
        }
        return true;
    }

    /// <summary>The run command promises to print the demo sign-ins; they come from the seed files, one block per body.</summary>
    private static void PrintDemoAccounts(string contentRoot)
    {
        Console.WriteLine();
        Console.WriteLine("Demo accounts (user name / password / roles):");
        foreach (var data in DemoSeeder.LoadAll(contentRoot))
        {
            Console.WriteLine($"  {data.Organization.Name}");
            foreach (var a in data.Accounts)
            {
                Console.WriteLine($"    {a.UserName,-14} {a.Password,-18} {string.Join(",", a.Roles)}  {a.DisplayName}");
            }
        }
        Console.WriteLine();
    }

    /// <summary>Host, port and database of a connection string, without the password.</summary>
    public static string DescribeTarget(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot reach the database at {Target}: {Reason}")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string target, string reason);
}
