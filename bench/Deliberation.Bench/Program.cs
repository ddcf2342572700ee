// The live-room load generator: starts the servers under test one after another, drives one scenario against each,
// writes bench/results/. Run through `./hub bench [scenario] [--viewers N --rate R --seconds S --servers hub,rawws,socketio]`.
using Deliberation.Bench;

var o = BenchOptions.Parse(args);
var command = "./hub bench " + string.Join(' ', args);
var rows = new List<Row>();
var servers = o.Scenario is "fanout" ? o.Servers : o.Servers.Where(s => s == "hub").DefaultIfEmpty("hub").ToArray();
foreach (var name in servers)
{
    Console.Error.WriteLine($"== {o.Scenario} on {name}: {o.Viewers} viewers, {o.Rate}/s, {o.Seconds} s");
    Target? target = null;
    try
    {
        target = await Targets.StartAsync(name, o);
        rows.Add(o.Scenario switch
        {
            "fanout" => await Scenarios.FanOutAsync(target, o),
            "joins" => await Scenarios.JoinStormAsync(target, o),
            "votes" => await Scenarios.VoteStormAsync(target, o),
            "idle" => await Scenarios.IdleAsync(target, o),
            "slow" => await SlowScenario.RunAsync(target, o),
            "minutes" => throw new NotSupportedException("minutes: run bench/Deliberation.Bench.Minutes (see README)"),
            _ => throw new ArgumentException($"unknown scenario {o.Scenario}: fanout, votes, joins, idle"),
        });
    }
    catch (Exception ex) when (ex is not ArgumentException and not NotSupportedException)
    {
        Console.Error.WriteLine($"{name} failed: {ex.Message}");
    }
    finally
    {
        if (target is not null) await target.CleanupAsync();
    }
    await Task.Delay(1000);
}
if (rows.Count > 0) await Report.WriteAsync(o, rows, command);
return rows.Count > 0 ? 0 : 1;
