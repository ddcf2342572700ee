using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Tenancy;
using Deliberation.Realtime.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Realtime.Rooms;

/// <summary>
/// The live room over SignalR, at <c>/hubs/room</c>. A thin adapter: it finds out who the caller is in the room
/// (server-side, from cookies), applies limits, calls <see cref="RoomCommands"/> and hands the result to the
/// <see cref="RoomEngine"/>. Method names are imperatives; client events are past tense (see docs/realtime-api.md).
/// </summary>
public sealed partial class RoomHub(
    RoomAccess access,
    RoomCommands commands,
    RoomQueries queries,
    RoomEngine engine,
    PresenceTracker presence,
    RoomRateLimiter limiter,
    IRoomCallerResolver callers,
    ConsoleQueries consoleQueries,
    SnapshotCache snapshots,
    IEnumerable<IConsultationEvents> lifecycle,
    OrgScope tenancy) : Hub<IRoomClient>
{
    private const string RoomKey = "room";
    private const string ActorKey = "actor";
    private const string ScreenKey = "screen";
    private const string AddressKey = "address";
    private const string OrganizationKey = "org";

    /// <summary>Joins a room (by id or code) or resumes after a reconnect with the last sequence seen.</summary>
    public async Task<JoinResult> Join(JoinRequest request)
    {
        var ct = Context.ConnectionAborted;
        var roomId = request.RoomId ?? await FindByCodeAsync(request.RoomCode, ct);
        var room = await access.FindAsync(roomId, ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);
        var http = Context.GetHttpContext() ?? throw RoomErrors.Fail(RoomErrors.Forbidden);
        var caller = callers.Resolve(http);
        var actor = await access.ResolveAsync(room, caller, checkIn: !request.Screen, ct, anonymousKey: $"c:{Context.ConnectionId}");
        // The big screen watches without being counted online: only the room's moderators may open it.
        if (request.Screen && !actor.CanModerate) throw RoomErrors.Fail(RoomErrors.Forbidden);

        await LeaveCurrentAsync();
        Context.Items[RoomKey] = room.Id;
        Context.Items[ActorKey] = actor;
        Context.Items[ScreenKey] = request.Screen;
        Context.Items[AddressKey] = ClientAddress.Key(http);
        Context.Items[OrganizationKey] = room.OrganizationId;
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Room(room.Id), ct);
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Participant(room.Id, actor.Key), ct);
        if (actor.CanModerate) await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Moderators(room.Id), ct);
        if (!request.Screen) presence.Enter(Context.ConnectionId, room.Id, actor.Tier, ViewerKey(actor, http));

        // Groups first, then the read: anything committed meanwhile arrives live too, and the client drops duplicates by sequence.
        IReadOnlyList<CommittedEvent>? missed = null;
        if (request.LastSeq is long last and >= 0)
        {
            missed = await queries.EventsAfterAsync(room.Id, last, ct);
            if (missed.Count >= RoomQueries.ResumeLimit) missed = null;
        }
        var snapshot = missed is null
            ? actor.IsAnonymousWatcher
                ? await snapshots.GetAsync(room.Id, () => queries.SnapshotAsync(room.Id, actor, CancellationToken.None))
                : await queries.SnapshotAsync(room.Id, actor, ct)
            : null;
        // Read after the missed events, so the counts are at least as new as the copies inside those events.
        var tallies = snapshot?.Tallies ?? await OpenTalliesAsync(room.Id, actor, ct);
        var votes = snapshot is null ? (await queries.QuestionVotesAsync(room.Id, ct)).Select(q => new QuestionVotes(q.Id, q.Votes)).ToList() : null;
        var me = new Me(actor.Key, actor.Name, actor.Tier.ToString(), actor.CanModerate, actor.MayInteract, actor.MayTakeFloor,
            actor.ParticipantId is not null && actor.Tier != ParticipantTier.Public);
        return new JoinResult(room.Id, me, snapshot, missed?.Select(RoomEventMessage.From).ToList(),
            await presence.CurrentAsync(room.Id), tallies, votes);
    }

    /// <summary>Fetches events after a sequence (a client that noticed a gap fills it with this).</summary>
    public async Task<IReadOnlyList<RoomEventMessage>> Resume(long afterSeq)
    {
        var (roomId, _) = Current();
        return (await queries.EventsAfterAsync(roomId, afterSeq, Context.ConnectionAborted)).Select(RoomEventMessage.From).ToList();
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Who counts once among the room's distinct viewers: the person's key; a watcher without a name cookie has only a
    /// per-connection key, so counts by address and browser instead (a reconnect is not a new viewer).
    /// </summary>
    private static string ViewerKey(RoomActor actor, Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (!actor.Key.StartsWith("c:", StringComparison.Ordinal)) return actor.Key;
        // A stable digest (the same on every node, unlike string.GetHashCode) keeps the key short.
        var agent = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(http.Request.Headers.UserAgent.ToString()));
        return $"a:{ClientAddress.Key(http)}:{Convert.ToHexStringLower(agent, 0, 4)}";
    }

    private async Task LeaveCurrentAsync()
    {
        if (Context.Items.TryGetValue(RoomKey, out var r) && r is Guid old && Context.Items[ActorKey] is RoomActor a)
        {
            presence.Leave(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Room(old));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Participant(old, a.Key));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Moderators(old));
        }
    }

    private async Task<Guid> FindByCodeAsync(string? code, CancellationToken ct)
    {
        if (!RoomCodes.IsWellFormed(code)) throw RoomErrors.Fail(RoomErrors.NotFound);
        return await access.FindOpenByCodeAsync(code!, ct) ?? throw RoomErrors.Fail(RoomErrors.NotFound);
    }

    private async Task<IReadOnlyList<PollTally>> OpenTalliesAsync(Guid roomId, RoomActor actor, CancellationToken ct)
    {
        var list = new List<PollTally>();
        foreach (var poll in await access.OpenPollsAsync(roomId, ct))
        {
            if (poll.ShowResultsLive || actor.CanModerate) list.Add(await queries.TallyPollAsync(poll, ct));
        }
        return list;
    }

    /// <summary>
    /// The room and actor of this connection, after a call budget check. Every room method starts here: the
    /// invocation then acts within the room's organisation, which <see cref="RoomAccess"/> admitted the caller to.
    /// </summary>
    private (Guid RoomId, RoomActor Actor) Current()
    {
        if (Context.Items.TryGetValue(RoomKey, out var r) && r is Guid roomId && Context.Items[ActorKey] is RoomActor actor
            && Context.Items[OrganizationKey] is Guid organizationId)
        {
            tenancy.ActFor(organizationId);
            if (Context.Items[ScreenKey] is true && !actor.CanModerate) throw RoomErrors.Fail(RoomErrors.Forbidden);
            limiter.TakeCall(roomId, actor.Key);
            return (roomId, actor);
        }
        throw RoomErrors.Fail(RoomErrors.NotFound);
    }

    /// <summary>The client address of this connection (after trusted forwarded headers), for the public posting gate.</summary>
    private string Address => Context.Items[AddressKey] as string ?? "-";

    private Task<object?> Apply(Guid roomId, RoomResult result) => engine.ApplyAsync(roomId, result);

    private CancellationToken Ct => Context.ConnectionAborted;
}
