using System.Net;
using System.Text.RegularExpressions;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Cluster.Tests.Infrastructure;

/// <summary>
/// Two hub nodes sharing their own PostgreSQL cluster and their own Redis. Tests that break a piece bring it back
/// (<see cref="EnsureUpAsync"/>); each test makes its own room. Everything started here is killed on dispose.
/// </summary>
public sealed partial class ClusterFixture : IAsyncLifetime
{
    public const string Database = "deliberation";

    public PostgresCluster Postgres { get; } = new();
    public RedisProcess Redis { get; } = new();
    public ProcessNode A { get; private set; } = null!;
    public ProcessNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitAsync(), Redis.StartAsync());
        A = new ProcessNode("A", Postgres.ConnectionString(Database), Redis.Endpoint, seed: true);
        B = new ProcessNode("B", Postgres.ConnectionString(Database), Redis.Endpoint, seed: false);
        await A.StartAsync(); // migrates and seeds first
        await B.StartAsync();
    }

    /// <summary>The nodes that are up, for clients looking for a node after theirs died.</summary>
    public IReadOnlyList<string> LiveNodes() => new[] { A, B }.Where(n => n.Running).Select(n => n.Url).ToList();

    public IReadOnlyList<string> Nodes() => [A.Url, B.Url];

    public async Task EnsureUpAsync()
    {
        if (!A.Running) await A.StartAsync();
        if (!B.Running) await B.StartAsync();
    }

    public HubDbContext Db() =>
        new(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(Postgres.ConnectionString(Database)).Options)
        { Tenancy = OrgScope.ForSystem("test arrange/assert") };

    /// <summary>A live room open to the public, comments shown at once, no interval between them.</summary>
    public async Task<Guid> CreateRoomAsync()
    {
        await using var db = Db();
        var org = await db.Organizations.OrderBy(o => o.Level).FirstAsync();
        var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var c = new Consultation
        {
            OrganizationId = org.Id, Title = $"集群测试 {Guid.NewGuid():N}"[..14], Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
            StartsAt = start, EndsAt = start.AddHours(2), RoomCode = RoomCodes.Allocate(taken), PublicAccess = PublicAccess.Interact,
        };
        c.Room.PreModeratePublic = false;
        c.Room.PublicCommentIntervalSeconds = 0;
        c.MoveTo(ConsultationStatus.Scheduled, start);
        c.MoveTo(ConsultationStatus.Live, start);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>A named public visitor's cookie, issued by <paramref name="node"/> (valid on every node: shared keys).</summary>
    public static async Task<string> VisitorCookieAsync(ProcessNode node, Guid room, string name)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(node.Url) };
        var page = await http.GetStringAsync("/");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await http.PostAsync($"/s/{room}/visitor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["displayName"] = name, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return jar.GetCookieHeader(new Uri(node.Url));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        Redis.Dispose();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
