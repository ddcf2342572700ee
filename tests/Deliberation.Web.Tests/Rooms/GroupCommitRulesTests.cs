using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// The room's rules hold for every post of a group: pre-moderation, sensitive words, blocks and the room's end — the
/// last two decided exactly by the write itself, even when this node's cached copy of the room is stale.
/// </summary>
[Collection(HubCollection.Name)]
public class GroupCommitRulesTests(HubFactory hub)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EachCommentOfAGroup_GetsItsRoomsRules_PreModerationSensitiveWordsAndBlocks()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub, configure: c =>
        {
            c.Room.PreModeratePublic = true;
            c.Room.SensitiveWords = ["敏感"];
        });
        var member = new RoomActor("u:group-member", "委员", ParticipantTier.Member, null, null, "经济界", false, true, true);
        var blocked = DirectRoom.Visitor(99);
        // Blocked behind this node's back (another node, say): only the write statement can know.
        await hub.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RoomBlocks" ("ConsultationId", "ParticipantKey", "DisplayName", "BlockedBy", "At") VALUES ({room.Id}, {blocked.Key}, '访客99', '主持人', now())
            """));

        var shown = Enumerable.Range(0, 20).Select(i => Task.Run(() => PostAsync(room, member, $"委员发言{i}"))).ToList();
        var flagged = Task.Run(() => PostAsync(room, member, "这是 敏 感 内容"));
        var queued = Enumerable.Range(0, 5).Select(i => Task.Run(() => PostAsync(room, DirectRoom.Visitor(i), $"公众{i}"))).ToList();
        var refused = Task.Run(() => PostAsync(room, blocked, "被禁言的人"));

        foreach (var t in shown) Assert.Equal("Approved", ((RoomCommands.PostedComment)(await t).Value!).Status);
        var f = await flagged;
        Assert.Equal(("Pending", "sensitive:敏感"), (((RoomCommands.PostedComment)f.Value!).Status, ((RoomCommands.PostedComment)f.Value!).FlagReason));
        Assert.Contains(f.Effects, e => e is QueueEffect { Change: "added" });
        foreach (var t in queued) Assert.Equal("Pending", ((RoomCommands.PostedComment)(await t).Value!).Status);
        Assert.Equal(RoomErrors.Blocked, (await Assert.ThrowsAsync<DomainException>(() => refused)).Code);

        Assert.Equal(20, await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room.Id)));
        Assert.Equal(6, await hub.WithDbAsync(db => db.Comments.CountAsync(c => c.ConsultationId == room.Id && c.Status == CommentStatus.Pending)));
        Assert.False(await hub.WithDbAsync(db => db.Comments.AnyAsync(c => c.ConsultationId == room.Id && c.AuthorKey == blocked.Key)));

        // Ended behind this node's back too: the statement refuses, and the room's copy is read again.
        await hub.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Consultations" SET "Status" = 'Ended' WHERE "Id" = {room.Id}"""));
        var closed = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
            (await Assert.ThrowsAsync<DomainException>(() => PostAsync(room, member, $"散会后{i}"))).Code)));
        Assert.All(closed, c => Assert.Equal(RoomErrors.Closed, c));
        Assert.Equal(20, await hub.WithDbAsync(db => db.RoomEvents.CountAsync(e => e.ConsultationId == room.Id)));
    }

    [Fact]
    public async Task CommentsAndQuestionsPostedTogether_ShareOneGapFreeSequence_AndHeldQuestionsStayOffTheStream()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = true);
        var member = new RoomActor("u:group-asker", "委员", ParticipantTier.Member, null, null, null, false, true, true);
        var comments = Enumerable.Range(0, 40).Select(i => Task.Run(() => PostAsync(room, member, $"留言{i}"))).ToList();
        var questions = Enumerable.Range(0, 40).Select(i => Task.Run(() => room.RunAsync((c, r) => c.AskQuestionAsync(r, member, $"问题{i}？", None)))).ToList();
        var held = Enumerable.Range(0, 5).Select(i => Task.Run(() => room.RunAsync((c, r) => c.AskQuestionAsync(r, DirectRoom.Visitor(i), $"公众问题{i}？", None)))).ToList();

        foreach (var t in questions) Assert.Equal("Open", ((QuestionView)(await t).Value!).Status);
        foreach (var t in held)
        {
            var r = await t;
            Assert.Equal("Pending", ((QuestionView)r.Value!).Status);
            Assert.Contains(r.Effects, e => e is QueueEffect { Kind: "question", Change: "added" });
        }
        await Task.WhenAll(comments);

        var events = await hub.WithDbAsync(db => db.RoomEvents.AsNoTracking().Where(e => e.ConsultationId == room.Id).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(40, events.Count(e => e.Type == RoomEventTypes.QuestionAsked));
        var asked = await hub.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => q.ConsultationId == room.Id).ToListAsync());
        Assert.Equal((40, 5), (asked.Count(q => q.Status == QuestionStatus.Open), asked.Count(q => q.Status == QuestionStatus.Pending)));
        Assert.All(asked, q => Assert.Equal((0, 0), (q.Votes, q.MergedCount)));
    }

    [Fact]
    public async Task EndingTheRoomMidBurst_EveryCommentIsCommittedBeforeTheEndOrRefusedAsClosed()
    {
        var (room, _) = await DirectRoom.CreateAsync(hub, configure: c => c.Room.PreModeratePublic = false);
        var posts = Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
        {
            try
            {
                await PostAsync(room, DirectRoom.Visitor(i), $"留言{i}");
                return "ok";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })).ToList();
        await RoomTestClient.EventuallyAsync(() => posts.Count(p => p.IsCompleted) >= 10);
        await room.RunAsync((c, r) => c.ChangeStatusAsync(r, DirectRoom.Moderator, ConsultationStatus.Ended, None));
        var codes = await Task.WhenAll(posts);

        // No deadlock between the group's locks and the room's (no room.try_again), and nothing shown after the end.
        Assert.All(codes, c => Assert.Contains(c, new[] { "ok", RoomErrors.Closed }));
        var events = await hub.WithDbAsync(db => db.RoomEvents.AsNoTracking().Where(e => e.ConsultationId == room.Id).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(RoomEventTypes.RoomStatusChanged, events[^1].Type);
        Assert.Equal(codes.Count(c => c == "ok"), events.Count(e => e.Type == RoomEventTypes.CommentShown));
        Assert.Equal(codes.Count(c => c == "ok"), await hub.WithDbAsync(db => db.Comments.CountAsync(c => c.ConsultationId == room.Id)));
    }

    private static Task<RoomResult> PostAsync(DirectRoom room, RoomActor actor, string text) =>
        room.RunAsync((c, r) => c.PostCommentAsync(r, actor, text, None));
}
