using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// Guarantee 4: counts change by atomic statements. N clients × M items at once, each client on its own connection;
/// afterwards every count equals the rows behind it.
/// </summary>
[Collection(HubCollection.Name)]
public class ConcurrentCountsTests(HubFactory hub)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const int Clients = 12, Items = 4;

    [Fact]
    public async Task Reports_FromManyClientsAtOnce_AreEachCountedOnce_AndExactlyOneHidesTheComment()
    {
        const int threshold = 5;
        var (room, _) = await DirectRoom.CreateAsync(hub, configure: c => c.Room.ReportThreshold = threshold);
        var seen = await AddAsync(room.Id, i => new Comment
        {
            ConsultationId = room.Id, AuthorKey = "v:author", AuthorName = "作者", Tier = ParticipantTier.Public, Text = $"留言{i}",
            Status = CommentStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
        });
        var reporters = Enumerable.Range(0, Clients).Select(DirectRoom.Visitor).ToList();

        // Every client reports every comment twice (a double tap), all at once.
        var results = await Task.WhenAll(
            from comment in seen from reporter in reporters from tap in new[] { 1, 2 }
            select Task.Run(async () => (comment, Result: await ReportAsync(room, reporter, comment))));

        var stored = await hub.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => seen.Contains(c.Id))
            .Select(c => new { c.Id, c.ReportCount, c.Status, Reports = db.CommentReports.Count(r => r.CommentId == c.Id) }).ToListAsync());
        foreach (var c in stored)
        {
            // Reports after the threshold find the comment hidden and are not recorded.
            Assert.Equal(threshold, c.ReportCount);
            Assert.Equal(threshold, c.Reports);
            Assert.Equal(CommentStatus.Hidden, c.Status);
            Assert.Single(results, r => r.comment == c.Id && r.Result?.Effects.OfType<QueueEffect>().Any(q => q.Change == "added") == true);
        }
    }

    [Fact]
    public async Task Reports_UnderTheThreshold_CountEveryDistinctReporter()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub, configure: c => c.Room.ReportThreshold = 100);
        var seen = await AddAsync(room.Id, i => new Comment
        {
            ConsultationId = room.Id, AuthorKey = "v:author", AuthorName = "作者", Tier = ParticipantTier.Public, Text = $"留言{i}",
            Status = CommentStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
        });
        var reporters = Enumerable.Range(0, Clients).Select(DirectRoom.Visitor).ToList();
        await Task.WhenAll(from comment in seen from reporter in reporters from tap in new[] { 1, 2 } select Task.Run(() => ReportAsync(room, reporter, comment)));
        var counts = await hub.WithDbAsync(db => db.Comments.Where(c => seen.Contains(c.Id)).Select(c => c.ReportCount).ToListAsync());
        Assert.All(counts, n => Assert.Equal(Clients, n));
    }

    private static async Task<RoomResult?> ReportAsync(DirectRoom room, RoomActor reporter, Guid comment)
    {
        try
        {
            return await room.RunAsync((c, r) => c.ReportCommentAsync(r, reporter, comment, None));
        }
        catch (DomainException ex) when (ex.Code == RoomErrors.ItemNotFound)
        {
            return null; // already hidden by the threshold
        }
    }

    [Fact]
    public async Task Upvotes_AndMerges_AtOnce_LoseNoVote_AndCountNoVoteTwice()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub);
        var questions = await AddAsync(room.Id, i => new Question
        {
            ConsultationId = room.Id, AuthorKey = $"v:asker{i}", AuthorName = "提问者", Tier = ParticipantTier.Public, Text = $"问题{i}",
            Status = QuestionStatus.Open, CreatedAt = DateTimeOffset.UtcNow,
        });
        var voters = Enumerable.Range(0, Clients).Select(DirectRoom.Visitor).ToList();

        // Every voter upvotes every question twice while the moderator merges question 1 into 0 and 3 into 2.
        var upvotes = (from q in questions from v in voters from tap in new[] { 1, 2 }
                       select Task.Run(() => room.RunAsync((c, r) => c.UpvoteQuestionAsync(r, v, q, None)))).ToList();
        var merges = new[] { (questions[1], questions[0]), (questions[3], questions[2]) }
            .Select(m => Task.Run(() => room.RunAsync((c, r) => c.MergeQuestionsAsync(r, DirectRoom.Moderator, m.Item1, m.Item2, None))));
        await Task.WhenAll(upvotes.Concat(merges));

        var stored = await hub.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => questions.Contains(q.Id))
            .Select(q => new { q.Id, q.Votes, q.Status, q.MergedCount, Rows = db.QuestionVotes.Count(v => v.QuestionId == q.Id) }).ToListAsync());
        foreach (var target in new[] { questions[0], questions[2] })
        {
            var q = stored.Single(s => s.Id == target);
            // Each voter once, whether the vote came before the merge (copied) or after (followed).
            Assert.Equal((Clients, Clients, 1), (q.Votes, q.Rows, q.MergedCount));
        }
        Assert.All(stored.Where(s => s.Id == questions[1] || s.Id == questions[3]), s => Assert.Equal(QuestionStatus.Merged, s.Status));
        // Every voter's first vote landing on a pair (0+1, 2+3) counts; a second tap, or a vote that meets its copy, does not.
        var results = await Task.WhenAll(upvotes);
        Assert.Equal(Items * Clients * 2, results.Length);
        Assert.True(results.Count(r => r.Value is true) <= Items * Clients);
        Assert.True(results.Count(r => r.Value is true) >= 2 * Clients);
    }

    private Task<List<Guid>> AddAsync<T>(Guid roomId, Func<int, T> make) where T : class => hub.WithDbAsync(async db =>
    {
        var items = Enumerable.Range(0, Items).Select(make).ToList();
        db.AddRange(items);
        await db.SaveChangesAsync();
        return items.Select(i => (Guid)db.Entry(i).Property("Id").CurrentValue!).ToList();
    });
}
