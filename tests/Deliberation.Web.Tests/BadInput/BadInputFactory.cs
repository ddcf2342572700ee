using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Deliberation.Web.Tests.BadInput;

/// <summary>The hub with its log kept in memory (at the levels the configuration lets through), to check what refusals write.</summary>
public sealed class BadInputFactory : HubFactory
{
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s =>
        {
            s.AddLogging(b => b.AddFakeLogging());
            // Inside RoomHubFilter: a real fault on demand, to see how it is reported.
            s.Configure<HubOptions>(o => o.AddFilter(new FaultOnDemand()));
        });

    /// <summary>Throws an unexpected exception for <c>Resume(-42)</c>; every other call passes.</summary>
    private sealed class FaultOnDemand : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next) =>
            context.HubMethodName == "Resume" && context.HubMethodArguments is [long n] && n == -42
                ? throw new InvalidOperationException("a fault no rule expects")
                : next(context);
    }

    /// <summary>Error entries, and entries with a stack trace, written since <paramref name="mark"/> entries.</summary>
    public IReadOnlyList<FakeLogRecord> ErrorsOrTracesSince(int mark) =>
        Logs.GetSnapshot().Skip(mark).Where(r => r.Level >= LogLevel.Error || r.Exception is not null).ToList();
}

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputFactory>
{
    public const string Name = "bad-input";
}
