using System.Runtime.CompilerServices;
using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Deliberation.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.Minutes;

public static class MinutesTestHelpers
{
    public static string GoldenDir([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "golden");

    public static MinutesCompileInput Input(MinutesFixture f, string? template = null) =>
        new(f.SessionId, 1, template ?? MinutesResources.DefaultTemplate, MinutesResources.Phrases, MinutesResources.StopWords);

    public static async Task<MinutesFixture> CreateFixtureAsync(this HubFactory hub, int seed)
    {
        var f = new MinutesFixture(seed);
        await hub.WithDbAsync(async db => { await f.CreateAsync(db); return 0; });
        return f;
    }

    public static Task<string> CompileAsync(this HubFactory hub, MinutesFixture f, string? template = null) =>
        hub.WithDbAsync(db => new MinutesCompiler(db).CompileAsync(Input(f, template), null, CancellationToken.None));

    public static async Task<T> WithScopeAsync<T>(this HubFactory hub, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        return await work(scope.ServiceProvider);
    }

    /// <summary>Creates minutes for the fixture session with the compiled text as version 1; returns the minutes id.</summary>
    public static Task<Guid> CreateCompiledMinutesAsync(this HubFactory hub, MinutesFixture f) => hub.WithScopeAsync(async sp =>
    {
        var commands = sp.GetRequiredService<MinutesCommands>();
        var minutes = await commands.EnsureAsync(f.SessionId);
        var markdown = await new MinutesCompiler(sp.GetRequiredService<HubDbContext>()).CompileAsync(Input(f), null, CancellationToken.None);
        await commands.ApplyCompiledAsync(minutes.Id, markdown);
        return minutes.Id;
    });
}

/// <summary>Publishing through the host's own sign-off (its listeners included) and waiting for the public files.</summary>
public static class MinutesPublishing
{
    private static readonly Actor Staff = new(null, "工作人员");

    /// <summary>Minutes for the fixture session whose only version is <paramref name="markdown"/>; returns the minutes id.</summary>
    public static Task<Guid> CreateMinutesWithTextAsync(this HubFactory hub, MinutesFixture f, string markdown) => hub.WithScopeAsync(async sp =>
    {
        var commands = sp.GetRequiredService<MinutesCommands>();
        var minutes = await commands.EnsureAsync(f.SessionId);
        await commands.SaveEditAsync(minutes.Id, minutes.CurrentVersionNo, markdown, null, Staff);
        return minutes.Id;
    });

    /// <summary>Review, sign, publish with the host's <see cref="MinutesSignOff"/> (which dispatches the public render after commit).</summary>
    public static Task PublishAsync(this HubFactory hub, Guid minutesId) => hub.WithScopeAsync(async sp =>
    {
        var signOff = sp.GetRequiredService<MinutesSignOff>();
        await signOff.MoveAsync(minutesId, MinutesStatus.InReview, Staff);
        await signOff.MoveAsync(minutesId, MinutesStatus.Signed, Staff);
        await signOff.MoveAsync(minutesId, MinutesStatus.Published, Staff);
        return 0;
    });

    /// <summary>
    /// Dispatches any render request still waiting (tests that publish with a hand-made sign-off leave theirs to
    /// the sweep), then waits until every public render of this host is done, so nothing prints behind a test's back.
    /// </summary>
    public static async Task SettlePublicRendersAsync(this HubFactory hub)
    {
        await hub.WithScopeAsync(sp => sp.GetRequiredService<MinutesWorkDispatcher>().DispatchPendingAsync(null, CancellationToken.None));
        var until = DateTime.UtcNow.AddMinutes(3);
        while (await hub.WithDbAsync(db => db.MinutesWork.AnyAsync(w => w.Kind == MinutesWorkKind.RenderPublic && w.DoneAt == null)))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("public renders not done in 3 minutes");
            await Task.Delay(100);
        }
    }
}

/// <summary>A follow-up stand-in that upserts items by (minutes, key), as the real one is told to.</summary>
public sealed class RecordingListener : IMinutesPublishedListener
{
    public List<MinutesPublished> Events { get; } = [];
    public Dictionary<(Guid, string), PublishedRecommendation> Items { get; } = [];

    public Task MinutesPublishedAsync(MinutesPublished e, CancellationToken ct)
    {
        Events.Add(e);
        foreach (var r in e.Recommendations) Items[(e.MinutesId, r.Key)] = r;
        return Task.CompletedTask;
    }
}
