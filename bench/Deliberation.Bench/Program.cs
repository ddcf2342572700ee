// The live-room load generator: starts the servers under test one after another, drives one scenario against each,
// writes bench/results/. Run through `./hub bench [scenario] [options]` (see BenchOptions and the README), which pins
// the servers and this process to separate CPUs.
using System.Diagnostics;
using Deliberation.Bench;

var o = BenchOptions.Parse(args);
var command = "./hub bench " + string.Join(' ', args);
var setup = o.Setup(GcMode.Of(o.Root));
Console.Error.WriteLine($"== {setup}");
var rows = new List<Row>();
var servers = o.Scenario is "fanout" ? o.Servers : o.Servers.Where(s => s == "hub").DefaultIfEmpty("hub").ToArray();
foreach (var name in servers)
{
    Console.Error.WriteLine($"== {o.Scenario} on {name}: {o.Viewers} viewers, {o.Rate}/s, {o.Seconds} s" + (name == "hub" && o.Nodes > 1 ? $", {o.Nodes} nodes" : ""));
    Target? target = null;
    try
    {
        target = await Targets.StartAsync(name, o);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var row = o.Scenario switch
        {
            "fanout" => await Scenarios.FanOutAsync(target, o),
            "joins" => await Scenarios.JoinStormAsync(target, o),
            "votes" => await Scenarios.VoteStormAsync(target, o),
            "idle" => await Scenarios.IdleAsync(target, o),
            "write" => await WriteScenario.RunAsync(target, o, rows),
            "slow" => await SlowScenario.RunAsync(target, o),
            "minutes" => throw new NotSupportedException("minutes: run bench/Deliberation.Bench.Minutes (see README)"),
            _ => throw new ArgumentException($"unknown scenario {o.Scenario}: fanout, write, slow, votes, joins, idle (pages: ./hub bench pages)"),
        };
        // The generator's own CPU in every row; a scenario that measured it over its load window keeps its figure.
        var generatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / clock.Elapsed.TotalSeconds;
        rows.Add(row.ClientCpuCores > 0 ? row : row with { ClientCpuCores = generatorCpu });
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
if (rows.Count > 0) await Report.WriteAsync(o, rows, command, setup);
return rows.Count > 0 ? 0 : 1;
