using System.Runtime.CompilerServices;
using Deliberation.Core.Minutes;
using Deliberation.Core.Minutes.Compiling;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;
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
