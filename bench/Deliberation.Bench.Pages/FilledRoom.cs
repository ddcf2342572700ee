using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Deliberation.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Bench.Pages;

/// <summary>
/// The hub under test (Release build, its own database with the demo accounts) and one live session filled straight
/// in PostgreSQL: shown comments and open questions, as a room looks after an hour of a busy meeting.
/// </summary>
public sealed class FilledRoom : IAsyncDisposable
{
    private readonly Process _hub;
    private readonly string _server;
    private readonly string _database;

    private FilledRoom(Process hub, Uri url, string server, string database, Guid room)
    {
        _hub = hub;
        Url = url;
        _server = server;
        _database = database;
        RoomId = room;
    }

    public Uri Url { get; }
    public Guid RoomId { get; }
    public int HubPid => _hub.Id;

    public static async Task<FilledRoom> StartAsync(string root, string server, int comments, int questions)
    {
        var database = $"bench_pages_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000)}";
        var cs = $"{server};Database={database}";
        var port = FreePort();
        var web = Path.Combine(root, "src", "Deliberation.Web");
        // Pinned like ./hub bench's other servers (BENCH_SERVER_CPUS), so the browser on the other core measures the pages, not the hub.
        var cpus = Environment.GetEnvironmentVariable("BENCH_SERVER_CPUS");
        var psi = new ProcessStartInfo(string.IsNullOrEmpty(cpus) ? "dotnet" : "taskset")
            { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(cpus)) foreach (var a in new[] { "-c", cpus, "dotnet" }) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(Path.Combine(web, "bin", "Release", "net10.0", "Deliberation.Web.dll"));
        psi.Environment["ConnectionStrings__Default"] = cs;
        psi.Environment["Database__Migrate"] = "true";
        psi.Environment["Database__SeedDemo"] = "true";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Realtime__CallsPerSecond"] = "100000";
        psi.Environment["Realtime__CallBurst"] = "100000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var hub = Process.Start(psi)!;
        hub.OutputDataReceived += (_, _) => { };
        hub.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"hub: {e.Data}"); };
        hub.BeginOutputReadLine();
        hub.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}");
        await WaitReadyAsync(hub, url);
        var room = await FillAsync(cs, comments, questions);
        return new FilledRoom(hub, url, server, database, room);
    }

    private static async Task WaitReadyAsync(Process hub, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var until = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < until; await Task.Delay(250))
        {
            if (hub.HasExited) throw new InvalidOperationException("the hub exited while starting (see hub: lines above)");
            try
            {
                if ((await http.GetAsync(new Uri(url, "/health/ready"))).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not up yet
            }
        }
        throw new TimeoutException("the hub did not come up in 120 s");
    }

    private static async Task<Guid> FillAsync(string cs, int comments, int questions)
    {
        await using var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(cs).Options) { Tenancy = OrgScope.ForSystem("bench pages") };
        var org = await db.Users.Where(u => u.UserName == "moderator").Select(u => u.OrganizationId).SingleAsync()
            ?? throw new InvalidOperationException("the demo moderator has no body");
        var session = await TestSessions.CreateAsync(db, org, configure: c =>
        {
            c.Room.PreModeratePublic = false;
            c.Room.PreModerateMembers = false;
        }, titlePrefix: "页面压测");
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        string[] topics = ["电梯", "补偿", "审批", "资金", "维保", "低层住户", "噪音", "停车", "绿化", "消防"];
        for (var i = 0; i < comments; i++)
        {
            db.Comments.Add(new Comment
            {
                ConsultationId = session.Id, AuthorKey = $"v:{Guid.NewGuid()}", AuthorName = $"居民{i % 300}", Tier = ParticipantTier.Public,
                Text = $"关于{topics[i % topics.Length]}的意见第{i}条：希望尽快推进，兼顾各楼层住户的实际困难。", Status = CommentStatus.Approved,
                CreatedAt = start.AddSeconds(i * 0.8),
            });
        }
        var rnd = new Random(11);
        for (var i = 0; i < questions; i++)
        {
            db.Questions.Add(new Question
            {
                ConsultationId = session.Id, AuthorKey = $"v:{Guid.NewGuid()}", AuthorName = $"网民{i}", Tier = ParticipantTier.Public,
                Text = $"第{i}个问题：{topics[i % topics.Length]}方面的政策什么时候出台？", Status = QuestionStatus.Open,
                Votes = rnd.Next(0, 200), CreatedAt = start.AddSeconds(i * 15),
            });
        }
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_hub.HasExited) _hub.Kill(true);
            await _hub.WaitForExitAsync(new CancellationTokenSource(5000).Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // already gone
        }
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_server + ";Database=postgres");
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
