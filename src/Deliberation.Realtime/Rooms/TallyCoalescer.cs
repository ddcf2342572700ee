using Deliberation.Core.Tenancy;
using System.Collections.Concurrent;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// Pushes changing counts at most 4 times a second: poll tallies (to the room when the poll shows results live,
/// else to moderators), question vote counts, formal-vote turnout and questionnaire aggregates (moderators).
/// Marks are cheap; the tally is computed once per tick however many answers arrived. Counts that only grow
/// (question votes, turnout) keep the largest marked value, since marks from concurrent calls can come out of order;
/// a value is taken off for sending only if nothing newer was marked meanwhile.
/// A poll tally or vote count is pushed once more a second after its last push: a viewer who joined from the shared
/// snapshot (<see cref="SnapshotCache"/>, up to 500 ms old) entered the group after that push and would otherwise
/// keep the older count until the next change. The re-push goes through the backplane, so it reaches every node's viewers.
/// </summary>
public sealed partial class TallyCoalescer(IServiceScopeFactory scopes, IHubContext<RoomHub, IRoomClient> hub, ILogger<TallyCoalescer> logger)
    : BackgroundService
{
    /// <summary>Tick length: 250 ms, so at most 4 updates a second per poll.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, Guid> _dirtyPolls = new();
    private readonly ConcurrentDictionary<Guid, PendingCounts<Guid>> _questionVotes = new();
    private readonly PendingCounts<(Guid Room, Guid Vote)> _turnout = new();
    private readonly ConcurrentDictionary<Guid, Guid> _dirtyQuestionnaires = new();
    private readonly ConcurrentDictionary<Guid, (Guid Room, long Due)> _settlePolls = new();
    private readonly ConcurrentDictionary<Guid, PendingCounts<Guid>> _settleVotes = new();
    private readonly ConcurrentDictionary<Guid, long> _settleVotesDue = new();
    private long _tick;

    /// <summary>Ticks between a count's last push and its re-push (one second).</summary>
    public const int SettleTicks = 4;

    /// <summary>Notes the side effects of a room action.</summary>
    public void Mark(Guid roomId, RoomEffect effect)
    {
        switch (effect)
        {
            case PollDirtyEffect p: _dirtyPolls[p.PollId] = roomId; break;
            case QuestionVotesEffect q: _questionVotes.GetOrAdd(roomId, _ => new()).Mark(q.QuestionId, q.Votes); break;
            case VoteTurnoutEffect v: _turnout.Mark((roomId, v.VoteId), v.Cast); break;
            case QuestionnaireDirtyEffect d: _dirtyQuestionnaires[d.QuestionnaireId] = roomId; break;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var tick = ++_tick;
        foreach (var (roomId, votes) in _questionVotes)
        {
            // Take exactly what is sent: a count marked after the copy stays for the next tick.
            var changed = votes.Take();
            if (changed.Count > 0)
            {
                await hub.Clients.Group(RoomGroups.Room(roomId)).QuestionVotesChanged(changed.Select(c => new QuestionVotes(c.Key, c.Value)).ToList());
                var settle = _settleVotes.GetOrAdd(roomId, _ => new());
                foreach (var (id, n) in changed) settle.Mark(id, n);
                _settleVotesDue[roomId] = tick + SettleTicks;
            }
        }
        foreach (var (roomId, due) in _settleVotesDue)
        {
            if (due > tick || !_settleVotesDue.TryRemove(new KeyValuePair<Guid, long>(roomId, due)) || !_settleVotes.TryGetValue(roomId, out var settle)) continue;
            var again = settle.Take().Select(c => new QuestionVotes(c.Key, c.Value)).ToList();
            if (again.Count > 0) await hub.Clients.Group(RoomGroups.Room(roomId)).QuestionVotesChanged(again);
        }
        foreach (var ((roomId, voteId), cast) in _turnout.Take())
        {
            await hub.Clients.Group(RoomGroups.Moderators(roomId)).VoteTurnoutChanged(new VoteTurnout(voteId, cast));
        }
        var settling = _settlePolls.Where(s => s.Value.Due <= tick && !_dirtyPolls.ContainsKey(s.Key)).ToList();
        if (_dirtyPolls.IsEmpty && _dirtyQuestionnaires.IsEmpty && settling.Count == 0) return;
        await using var scope = scopes.CreateSystemScope("tallies of any room");
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var (pollId, roomId) in _dirtyPolls)
        {
            _dirtyPolls.TryRemove(pollId, out _);
            await PushTallyAsync(db, pollId, roomId, ct);
            _settlePolls[pollId] = (roomId, tick + SettleTicks);
        }
        foreach (var entry in settling)
        {
            if (_settlePolls.TryRemove(entry)) await PushTallyAsync(db, entry.Key, entry.Value.Room, ct);
        }
        foreach (var (questionnaireId, roomId) in _dirtyQuestionnaires)
        {
            _dirtyQuestionnaires.TryRemove(questionnaireId, out _);
            var aggregate = await new QuestionnaireQueries(db).AggregateAsync(questionnaireId, ct);
            if (aggregate is not null) await hub.Clients.Group(RoomGroups.Moderators(roomId)).QuestionnaireTallied(aggregate);
        }
    }

    private async Task PushTallyAsync(HubDbContext db, Guid pollId, Guid roomId, CancellationToken ct)
    {
        var poll = await db.Polls.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null) return;
        var tally = await new RoomQueries(db).TallyPollAsync(poll, ct);
        var target = poll.ShowResultsLive ? RoomGroups.Room(roomId) : RoomGroups.Moderators(roomId);
        await hub.Clients.Group(target).PollTallied(tally);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tally push failed")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
