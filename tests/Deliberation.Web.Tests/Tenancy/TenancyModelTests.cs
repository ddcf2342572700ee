using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Core.Tenancy;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>The organisation filter is in one place and nothing forgets it (HubDbContext.Tenancy.cs, Core/Tenancy).</summary>
[Collection(HubCollection.Name)]
public class TenancyModelTests(HubFactory hub)
{
    /// <summary>
    /// Organisation-owned types deliberately without a filter, and why. Anything else that carries an
    /// OrganizationId, or hangs off a session, an outcome item, minutes or a questionnaire, must have one.
    /// </summary>
    private static readonly Dictionary<string, string> Unfiltered = new()
    {
        ["AppUser"] = "sign-in must find the account before anyone knows its organisation",
        ["OutcomeCoHandler"] = "read only with its item (Include) and inside the item's own filter, which a filter of its own would make circular",
        ["Notification"] = "addressed to one account and read only by it (WHERE UserId = the caller)",
        ["SentReminder"] = "idempotency keys of the supervision jobs, which run in the system scope",
        ["NumberSequence"] = "a counter reached only through NumberSequences.NextAsync, with the organisation of a row the caller already holds",
        // The live room's rows: the hot path (issue 11) takes no join; the room id always comes from an admitted or filtered session.
        ["AgendaItem"] = "room row", ["Participant"] = "room row", ["RoomEvent"] = "room row", ["RoomStream"] = "room row",
        ["Comment"] = "room row", ["CommentReport"] = "room row", ["Question"] = "room row", ["QuestionVote"] = "room row",
        ["Speech"] = "room row", ["Poll"] = "room row", ["PollAnswer"] = "room row", ["FormalVote"] = "room row",
        ["FormalVoteParticipation"] = "room row", ["FormalBallot"] = "room row", ["QuestionnaireResponse"] = "room row",
        ["RoomOutcome"] = "room row", ["RoomBlock"] = "room row", ["RoomPeak"] = "room row",
        ["MinutesWorkItem"] = "the minutes outbox: read by the dispatcher right after its own commit and by the system-scope sweep",
        ["MinutesPublicFile"] = "the rendered public version, public by definition; served only after PublishedMinutes found its minutes",
    };

    private static readonly HashSet<string> Owners = ["Consultation", "OutcomeItem", "MinutesDocument", "Questionnaire", "FollowUpReply"];

    [Fact]
    public async Task EveryOrganisationOwnedEntity_HasAQueryFilter()
    {
        var model = await hub.WithDbAsync(db => Task.FromResult(db.Model));
        var owned = model.GetEntityTypes().Where(t => !t.IsOwned() && (t.FindProperty("OrganizationId") is not null
            || t.GetForeignKeys().Any(fk => Owners.Contains(fk.PrincipalEntityType.ClrType.Name)))).ToList();
        Assert.Contains(owned, t => t.ClrType == typeof(Consultation));
        var missing = owned.Where(t => t.GetDeclaredQueryFilters().Count == 0 && !Unfiltered.ContainsKey(t.ClrType.Name)).Select(t => t.ClrType.Name).ToList();
        Assert.True(missing.Count == 0, "Organisation-owned entities without a query filter (HubDbContext.Tenancy.cs): " + string.Join(", ", missing));
        var stale = owned.Where(t => Unfiltered.ContainsKey(t.ClrType.Name) && t.GetDeclaredQueryFilters().Count > 0).Select(t => t.ClrType.Name).ToList();
        Assert.True(stale.Count == 0, "Allow-listed as unfiltered but filtered: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheFilterIsBypassedOnlyInPublicReads_AndTheSystemScopeOnlyWhereReviewed()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path: Path.GetRelativePath(src, f).Replace('\\', '/'), Text: File.ReadAllText(f))).ToList();
        Assert.Equal(["Deliberation.Core/Tenancy/PublicReads.cs"], files.Where(f => f.Text.Contains("IgnoreQueryFilters")).Select(f => f.Path).ToList());
        string[] reviewed =
        [
            "Deliberation.Core/Tenancy/OrgScope.cs", "Deliberation.Core/Tenancy/SystemScopes.cs",
            "Deliberation.Web/Infrastructure/DatabaseSetup.cs", "Deliberation.Web/Infrastructure/Jobs/SystemScopeJobActivator.cs",
            "Deliberation.Realtime/Rooms/PresenceTracker.cs", "Deliberation.Realtime/Rooms/TallyCoalescer.cs",
            "Deliberation.Web/Features/Minutes/CompileProgressPump.cs", "Deliberation.Web/Features/Minutes/MinutesWorkSweep.cs",
        ];
        var opting = files.Where(f => f.Text.Contains("UseSystem(") || f.Text.Contains("CreateSystemScope(") || f.Text.Contains("ForSystem(")).Select(f => f.Path).ToList();
        Assert.True(opting.All(reviewed.Contains), "New system-scope opt-outs to review: " + string.Join(", ", opting.Except(reviewed)));
    }

    [Fact]
    public async Task AScopeSeesOnlyItsOrganisation_NoneSeesNothing_AndChildrenFollowTheirParent()
    {
        var city = await CityRecord.CreateAsync(hub);
        var county = await hub.WithDbAsync(db => db.Organizations.Where(o => o.Name == County.Name).Select(o => o.Id).SingleAsync());

        async Task<(int Sessions, int Versions, int Replies, int Attachments)> SeenAsync(Action<OrgScope> set)
        {
            await using var scope = hub.Services.CreateAsyncScope();
            set(scope.ServiceProvider.GetRequiredService<OrgScope>());
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            return (await db.Consultations.CountAsync(c => c.Id == city.Session), await db.MinutesVersions.CountAsync(v => v.MinutesId == city.Minutes),
                await db.FollowUpReplies.CountAsync(r => r.ItemId == city.Item), await db.FollowUpAttachments.CountAsync(a => a.Id == city.Attachment));
        }

        Assert.Equal((1, 1, 1, 1), await SeenAsync(s => s.UseCaller(city.Organization, null)));
        Assert.Equal((0, 0, 0, 0), await SeenAsync(s => s.UseCaller(county, null)));
        Assert.Equal((0, 0, 0, 0), await SeenAsync(_ => { }));
        Assert.Equal((0, 0, 0, 0), await SeenAsync(s => s.UseCaller(null, null)));
        // A department account of the city that does not handle the item sees the session but not the item's children.
        Assert.Equal((1, 1, 0, 0), await SeenAsync(s => s.UseCaller(city.Organization, Guid.NewGuid())));
        Assert.Equal((1, 1, 1, 1), await SeenAsync(s => s.UseSystem("test")));
    }

    [Fact]
    public async Task APooledContext_ReturnsToThePoolUnscoped()
    {
        var city = await CityRecord.CreateAsync(hub);
        var pool = hub.Services.GetRequiredService<IDbContextFactory<HubDbContext>>();
        await using (var db = pool.CreateDbContext())
        {
            db.Tenancy = OrgScope.ForSystem("test");
            Assert.Equal(1, await db.Consultations.CountAsync(c => c.Id == city.Session));
        }
        await using var next = pool.CreateDbContext();
        Assert.Equal(OrgScopeMode.None, next.Tenancy.Mode);
        Assert.Equal(0, await next.Consultations.CountAsync(c => c.Id == city.Session));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Deliberation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
