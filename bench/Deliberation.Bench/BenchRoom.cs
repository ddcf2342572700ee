using System.Net;
using System.Text.RegularExpressions;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Deliberation.Core.Tenancy;

namespace Deliberation.Bench;

/// <summary>The bench database and room: made directly in PostgreSQL, dropped at the end.</summary>
public static partial class BenchRoom
{
    public static async Task<Guid> CreateAsync(string connectionString)
    {
        await using var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(connectionString).Options) { Tenancy = OrgScope.ForSystem("bench") };
        var org = await db.Organizations.OrderBy(o => o.Level).FirstAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
        var c = new Consultation
        {
            OrganizationId = org.Id, Title = "压力测试", Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
            StartsAt = start, EndsAt = start.AddHours(3), RoomCode = RoomCodes.Allocate(taken), PublicAccess = PublicAccess.Interact,
        };
        c.Room.PreModeratePublic = false;
        c.Room.PreModerateMembers = false;
        c.Room.PublicCommentIntervalSeconds = 0;
        c.MoveTo(ConsultationStatus.Scheduled, start);
        c.MoveTo(ConsultationStatus.Live, start);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>An open single-choice poll with live results and changeable answers.</summary>
    public static async Task<Guid> OpenPollAsync(string connectionString, Guid room, int options)
    {
        await using var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql(connectionString).Options) { Tenancy = OrgScope.ForSystem("bench") };
        var poll = new Deliberation.Core.Rooms.Poll
        {
            ConsultationId = room, Title = "压力投票", Kind = Deliberation.Core.Rooms.PollKind.Single, Options = Enumerable.Range(1, options).Select(i => $"选项{i}").ToList(),
            ShowResultsLive = true, AllowChange = true, Status = Deliberation.Core.Rooms.BallotStatus.Open, OpenedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Polls.Add(poll);
        await db.SaveChangesAsync();
        return poll.Id;
    }

    /// <summary>A named visitor's cookie, as a browser gets it (antiforgery token from the home page).</summary>
    public static async Task<string> VisitorCookieAsync(Uri hub, Guid room, string name)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = hub };
        var token = Token().Match(await http.GetStringAsync("/")).Groups[1].Value;
        var r = await http.PostAsync($"/s/{room}/visitor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["displayName"] = name, ["__RequestVerificationToken"] = token,
        }));
        if (r.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"visitor cookie refused: {r.StatusCode}");
        return jar.GetCookieHeader(hub);
    }

    /// <summary>The room's last committed sequence number (0 before any event).</summary>
    public static async Task<long> LastSeqAsync(string connectionString, Guid room)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"LastSeq\" FROM \"RoomStreams\" WHERE \"ConsultationId\" = @room", c);
        cmd.Parameters.AddWithValue("room", room);
        return await cmd.ExecuteScalarAsync() is long seq ? seq : 0;
    }

    public static async Task DropAsync(string serverConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(serverConnectionString + ";Database=postgres");
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
