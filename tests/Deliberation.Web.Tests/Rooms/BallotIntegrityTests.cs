using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// Guarantee 2: a ballot is counted in the result or refused, never acknowledged and left out; a secret ballot
/// leaves no row that links its voter to the choice.
/// </summary>
[Collection(HubCollection.Name)]
public class BallotIntegrityTests(HubFactory hub, ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CastsRacingTheClose_AreCountedIfAndOnlyIfAcknowledged()
    {
        const int voters = 16, runs = 30;
        var (room, people) = await DirectRoom.CreateAsync(hub, voters);
        var (acked, refused) = (0, 0);
        for (var run = 0; run < runs; run++)
        {
            var secret = run % 2 == 0;
            var vote = (VoteView)(await room.RunAsync((c, r) => c.CreateVoteAsync(r, DirectRoom.Moderator, new VoteDraft($"表决 {run}", secret, 50, 50), None))).Value!;
            await room.RunAsync((c, r) => c.OpenVoteAsync(r, DirectRoom.Moderator, vote.Id, None));

            // Every voter casts at once; the moderator's close starts halfway through the casts.
            var casts = new List<Task<(RoomActor Voter, VoteChoice Choice, bool Acknowledged)>>();
            Task<RoomResult>? close = null;
            for (var i = 0; i < voters; i++)
            {
                if (i == voters / 2) close = Task.Run(() => room.RunAsync((c, r) => c.CloseVoteAsync(r, DirectRoom.Moderator, vote.Id, None)));
                var (voter, choice, key) = (people[i], (VoteChoice)((i + run) % 3), $"k-{run}-{i}");
                casts.Add(Task.Run(async () => (voter, choice, await CastAsync(room, voter, vote.Id, choice, key))));
            }
            var outcomes = await Task.WhenAll(casts);
            var result = (VoteView)(await close!).Value!;

            var counted = outcomes.Where(o => o.Acknowledged).ToList();
            acked += counted.Count;
            refused += voters - counted.Count;
            Assert.Equal(counted.Count(o => o.Choice == VoteChoice.For), result.For);
            Assert.Equal(counted.Count(o => o.Choice == VoteChoice.Against), result.Against);
            Assert.Equal(counted.Count(o => o.Choice == VoteChoice.Abstain), result.Abstain);
            var stored = await hub.WithDbAsync(async db => (
                Voted: await db.FormalVoteParticipations.Where(x => x.VoteId == vote.Id).Select(x => x.ParticipantId).ToListAsync(),
                Ballots: await db.FormalBallots.Where(b => b.VoteId == vote.Id).Select(b => new { b.ParticipantId, b.Choice }).ToListAsync()));
            Assert.Equal(counted.Select(o => o.Voter.ParticipantId!.Value).Order(), stored.Voted.Order());
            if (secret) Assert.Empty(stored.Ballots);
            else Assert.Equal(counted.Select(o => (o.Voter.ParticipantId!.Value, o.Choice)).Order(), stored.Ballots.Select(b => (b.ParticipantId, b.Choice)).Order());

            // A client that lost the acknowledgement retries: counted ones hear "duplicate", refused ones are refused again.
            foreach (var (voter, choice, acknowledged) in outcomes.Take(3))
            {
                var key = $"k-{run}-{people.ToList().IndexOf(voter)}";
                Assert.Equal(acknowledged, await CastAsync(room, voter, vote.Id, choice, key));
            }
        }
        output.WriteLine($"{runs} runs × {voters} voters: {acked} acknowledged and counted, {refused} refused after the close");
        Assert.Equal(runs * voters, acked + refused);
    }

    /// <summary>Casts a ballot: true when acknowledged ("counted", or "duplicate" for a retry), false when refused because the vote closed.</summary>
    private static async Task<bool> CastAsync(DirectRoom room, RoomActor voter, Guid voteId, VoteChoice choice, string key)
    {
        try
        {
            var answer = (string)(await room.RunAsync((c, r) => c.CastVoteAsync(r, voter, voteId, choice, key, None))).Value!;
            Assert.Contains(answer, new[] { "counted", "duplicate" });
            return true;
        }
        catch (DomainException ex) when (ex.Code == RoomErrors.WrongState)
        {
            return false;
        }
    }

    [Fact]
    public async Task ASecretBallot_LeavesNoRowLinkingTheVoterToTheChoice()
    {
        var (room, people) = await DirectRoom.CreateAsync(hub, voters: 3);
        var vote = (VoteView)(await room.RunAsync((c, r) => c.CreateVoteAsync(r, DirectRoom.Moderator, new VoteDraft("无记名表决", true, 50, 50), None))).Value!;
        await room.RunAsync((c, r) => c.OpenVoteAsync(r, DirectRoom.Moderator, vote.Id, None));

        var written = new List<string>();
        foreach (var (voter, choice) in people.Zip([VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain]))
        {
            Assert.Equal("counted", (await room.RunAsync((c, r) => c.CastVoteAsync(r, voter, vote.Id, choice, $"s-{choice}", None))).Value);
            // Every row this cast's transaction wrote, found by its transaction id (xmin): the participation row (no
            // choice in it) and the vote's tally row with all three counts rewritten. The same shape whatever the choice.
            written.Add(await hub.WithDbAsync(db => db.Database.SqlQuery<string>($"""
                WITH cast_tx AS (SELECT xmin::text AS x FROM "FormalVoteParticipations" WHERE "VoteId" = {vote.Id} AND "ParticipantId" = {voter.ParticipantId})
                SELECT concat_ws(',',
                    'participations=' || (SELECT count(*) FROM "FormalVoteParticipations" WHERE xmin::text = (SELECT x FROM cast_tx)),
                    'tallies=' || (SELECT count(*) FROM "FormalVoteTallies" WHERE xmin::text = (SELECT x FROM cast_tx) AND "VoteId" = {vote.Id}),
                    'ballots=' || (SELECT count(*) FROM "FormalBallots" WHERE xmin::text = (SELECT x FROM cast_tx)),
                    'events=' || (SELECT count(*) FROM "RoomEvents" WHERE xmin::text = (SELECT x FROM cast_tx)),
                    'audit=' || (SELECT count(*) FROM "AuditEntries" WHERE xmin::text = (SELECT x FROM cast_tx))) AS "Value"
                """).SingleAsync()));
        }
        Assert.All(written, w => Assert.Equal("participations=1,tallies=1,ballots=0,events=0,audit=0", w));

        var stored = await hub.WithDbAsync(async db => (
            Ballots: await db.FormalBallots.CountAsync(b => b.VoteId == vote.Id),
            Voted: await db.FormalVoteParticipations.CountAsync(x => x.VoteId == vote.Id),
            Tally: await db.FormalVoteTallies.AsNoTracking().SingleAsync(t => t.VoteId == vote.Id),
            // The only tables with a choice column hold nothing of this vote.
            ChoiceTables: await db.Database.SqlQuery<string>($"""
                SELECT table_name AS "Value" FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'Choice'
                """).ToListAsync()));
        Assert.Equal(0, stored.Ballots);
        Assert.Equal(3, stored.Voted);
        Assert.Equal((1, 1, 1), (stored.Tally.For, stored.Tally.Against, stored.Tally.Abstain));
        Assert.Equal(["FormalBallots"], stored.ChoiceTables);

        var result = (VoteView)(await room.RunAsync((c, r) => c.CloseVoteAsync(r, DirectRoom.Moderator, vote.Id, None))).Value!;
        Assert.Equal((1, 1, 1), (result.For!.Value, result.Against!.Value, result.Abstain!.Value));
    }

    [Fact]
    public async Task ANamedBallot_KeepsWhoChoseWhat()
    {
        var (room, people) = await DirectRoom.CreateAsync(hub, voters: 2);
        var vote = (VoteView)(await room.RunAsync((c, r) => c.CreateVoteAsync(r, DirectRoom.Moderator, new VoteDraft("记名表决", false, 50, 50), None))).Value!;
        await room.RunAsync((c, r) => c.OpenVoteAsync(r, DirectRoom.Moderator, vote.Id, None));
        await room.RunAsync((c, r) => c.CastVoteAsync(r, people[0], vote.Id, VoteChoice.For, "n-0", None));
        await room.RunAsync((c, r) => c.CastVoteAsync(r, people[1], vote.Id, VoteChoice.Against, "n-1", None));
        var ballots = await hub.WithDbAsync(db => db.FormalBallots.Where(b => b.VoteId == vote.Id).OrderBy(b => b.VoterName).ToListAsync());
        Assert.Equal([(people[0].Name, VoteChoice.For), (people[1].Name, VoteChoice.Against)], ballots.Select(b => (b.VoterName!, b.Choice)));
        Assert.Equal([people[0].ParticipantId!.Value, people[1].ParticipantId!.Value], ballots.Select(b => b.ParticipantId));
    }

    [Fact]
    public async Task TheResult_FollowsTheRule_ExpectedVotersDecide()
    {
        // 5 extra voters checked in, plus the demo member who is not: 应到 6, 实到 5. Quorum 50 %: 5 > 3.
        var (room, people) = await DirectRoom.CreateAsync(hub, voters: 5);
        async Task<VoteView> RunVoteAsync(string title, params VoteChoice[] choices)
        {
            var vote = (VoteView)(await room.RunAsync((c, r) => c.CreateVoteAsync(r, DirectRoom.Moderator, new VoteDraft(title, true, 50, 50), None))).Value!;
            await room.RunAsync((c, r) => c.OpenVoteAsync(r, DirectRoom.Moderator, vote.Id, None));
            for (var i = 0; i < choices.Length; i++)
            {
                var (voter, choice) = (people[i], choices[i]);
                await room.RunAsync((c, r) => c.CastVoteAsync(r, voter, vote.Id, choice, $"{title}-{i}", None));
            }
            return (VoteView)(await room.RunAsync((c, r) => c.CloseVoteAsync(r, DirectRoom.Moderator, vote.Id, None))).Value!;
        }

        var three = await RunVoteAsync("三票赞成", VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain);
        Assert.Equal((6, 5, true), (three.Expected, three.Present, three.QuorumMet!.Value));
        Assert.False(three.Passed); // 3 of 5 present, but exactly half of 6 expected
        var four = await RunVoteAsync("四票赞成", VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.Abstain);
        Assert.True(four.Passed); // 4 of 6 expected
    }
}
