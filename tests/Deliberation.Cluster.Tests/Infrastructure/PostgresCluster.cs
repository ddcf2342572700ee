using Npgsql;

namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster under /tmp owned by the postgres OS user (initdb refuses root), on a free loopback
/// port, so stopping it disturbs no other test project. Binaries from <c>TEST_PG_BIN</c> (set by ./hub test).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _home = Path.Combine("/tmp", $"dlb-cluster-{Guid.NewGuid():N}"[..24]);
    private readonly string _bin = Environment.GetEnvironmentVariable("TEST_PG_BIN")
        ?? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d).Select(d => Path.Combine(d, "bin")).LastOrDefault()
        ?? throw new InvalidOperationException("TEST_PG_BIN is not set and no PostgreSQL under /usr/lib/postgresql");

    public int Port { get; } = Ports.Free();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=10";

    private string Data => Path.Combine(_home, "data");

    public async Task InitAsync()
    {
        Directory.CreateDirectory(_home);
        await Run("chown", ["postgres:postgres", _home]);
        await AsPostgres("initdb", ["-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await StartAsync();
    }

    public async Task StartAsync()
    {
        await AsPostgres("pg_ctl", ["-D", Data, "-l", Path.Combine(_home, "postgres.log"), "-w", "-t", "30", "-o",
            $"-p {Port} -k {_home} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off", "start"]);
        NpgsqlConnection.ClearAllPools(); // this process's pooled connections died with the old server
    }

    /// <summary>Fast shutdown: open transactions roll back, clients are disconnected.</summary>
    public Task StopAsync() => AsPostgres("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "30", "stop"]);

    public async Task<T> QueryAsync<T>(string database, string sql, Guid room)
    {
        await using var c = new NpgsqlConnection(ConnectionString(database));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("room", room);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private Task AsPostgres(string tool, IEnumerable<string> args) =>
        Run("runuser", new[] { "-u", "postgres", "--", Path.Combine(_bin, tool) }.Concat(args));

    private static async Task Run(string file, IEnumerable<string> args)
    {
        var (code, output) = await OsProcess.RunAsync(file, args, TimeSpan.FromSeconds(60));
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}): {output}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgres("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // not running
        }
        Directory.Delete(_home, recursive: true);
    }
}
