using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// A busy room for the console's performance test: thousands of items written straight into PostgreSQL, and
/// a stream of new comments posted through the real hub by signed-in people (their browser cookies).
/// </summary>
public static class BusyRoom
{
    /// <summary>A sensitive word for the room's rules: streamed comments carrying it wait in the queue.</summary>
    public const string QueuedWord = "待核实";

    /// <summary>Adds <paramref name="shown"/> shown and <paramref name="queued"/> queued comments, questions and closed polls.</summary>
    public static async Task SeedAsync(Guid roomId, int shown = 1900, int queued = 100, int questions = 500, int polls = 50)
    {
        await using var db = E2ESessions.NewDb();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var rnd = new Random(7);
        string[] topics = ["电梯", "补偿", "审批", "资金", "维保", "低层住户", "噪音", "停车", "绿化", "消防"];
        for (var i = 0; i < shown + queued; i++)
        {
            var pending = i >= shown;
            db.Comments.Add(new Comment
            {
                ConsultationId = roomId, AuthorKey = $"v:{Guid.NewGuid()}", AuthorName = $"居民{i % 300}", Tier = ParticipantTier.Public,
                Text = $"关于{topics[i % topics.Length]}的意见第{i}条：希望尽快推进，兼顾各楼层住户的实际困难。",
                Status = pending ? CommentStatus.Pending : CommentStatus.Approved, CreatedAt = start.AddSeconds(i),
            });
        }
        for (var i = 0; i < questions; i++)
        {
            db.Questions.Add(new Question
            {
                ConsultationId = roomId, AuthorKey = $"v:{Guid.NewGuid()}", AuthorName = $"网民{i}", Tier = ParticipantTier.Public,
                Text = $"第{i}个问题：{topics[i % topics.Length]}方面的政策什么时候出台？", Status = QuestionStatus.Open,
                Votes = rnd.Next(0, 200), CreatedAt = start.AddSeconds(i * 3),
            });
        }
        for (var i = 0; i < polls; i++)
        {
            db.Polls.Add(new Poll
            {
                ConsultationId = roomId, Title = $"意见征集第{i + 1}轮", Kind = PollKind.Single, Options = ["赞成", "反对", "再研究"],
                Status = BallotStatus.Closed, CreatedAt = start.AddMinutes(i), OpenedAt = start.AddMinutes(i), ClosedAt = start.AddMinutes(i + 1),
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A hub connection acting as the person whose browser context is given (its sign-in or visitor cookie).</summary>
    public static async Task<HubConnection> ConnectAsync(IBrowserContext context, Guid roomId)
    {
        var baseUri = new Uri(BrowserFixture.BaseUrl);
        var cookies = new CookieContainer();
        foreach (var c in await context.CookiesAsync()) cookies.Add(baseUri, new System.Net.Cookie(c.Name, c.Value, "/"));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "/hubs/room"), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync<object>("Join", new { roomId, lastSeq = (long?)null, screen = false });
        return connection;
    }

    /// <summary>
    /// Posts comments from the given connections, together <paramref name="perSecond"/> a second, until
    /// <paramref name="stop"/>; then waits for every call it made. Returns how many it sent and the numbers of those the
    /// room showed at once (a refusal, e.g. a person's call budget after the box stalled, is not expected on screen).
    /// </summary>
    public static async Task<(int Sent, IReadOnlyList<int> Shown)> StreamAsync(IReadOnlyList<HubConnection> posters, int perSecond, CancellationToken stop)
    {
        var calls = new List<(int N, Task<System.Text.Json.JsonElement> Call)>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = DateTime.UtcNow;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var n = calls.Count;
                var who = posters[n % posters.Count];
                // Not cancelled with the window: a call once sent is awaited, so the test knows what the room accepted.
                calls.Add((n, who.InvokeAsync<System.Text.Json.JsonElement>("PostComment",
                    $"直播中的新留言{n}：支持加装电梯，建议公开费用明细{(n % 3 == 0 ? QueuedWord : "")}。")));
                next += interval;
                var wait = next - DateTime.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        var shown = new List<int>();
        foreach (var (n, call) in calls)
        {
            try
            {
                if ((await call).GetProperty("status").GetString() == "Approved") shown.Add(n);
            }
            catch (HubException)
            {
            }
        }
        return (calls.Count, shown);
    }
}
