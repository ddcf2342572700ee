// The pages benchmark: Chromium opens the moderator console and the participant room in a filled room (shown comments
// and open questions written straight into PostgreSQL), then comments stream in through the hub. Run through
// `./hub bench pages [--comments N] [--questions N] [--rate R] [--seconds S] [--shots DIR] [--profile DIR]`; needs BENCH_PG (a
// connection string without Database) and a Release build of the hub.
using System.Text;
using System.Text.Json;
using Deliberation.Bench.Pages;
using Microsoft.Playwright;

var opts = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2) opts[args[i].TrimStart('-')] = args[i + 1];
int Int(string k, int d) => opts.TryGetValue(k, out var v) ? int.Parse(v) : d;
var comments = Int("comments", 3800);
var questions = Int("questions", 200);
var rate = Int("rate", 20);
var seconds = Int("seconds", 10);
var root = Environment.GetEnvironmentVariable("BENCH_ROOT") ?? Directory.GetCurrentDirectory();
var pg = Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("BENCH_PG is not set: run ./hub bench pages");
var shots = opts.GetValueOrDefault("shots");

Console.Error.WriteLine($"== pages: {comments} comments + {questions} questions in the room, then {rate} comments/s for {seconds} s");
var results = new List<PageResult>();
await using (var room = await FilledRoom.StartAsync(root, pg, comments, questions))
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    var kinds = new[] { PageRun.Console, PageRun.Room };
    await PageRun.WarmAsync(browser, room, kinds);
    foreach (var kind in kinds)
    {
        results.Add(await PageRun.MeasureAsync(browser, room, kind, rate, seconds, shots, opts.GetValueOrDefault("profile")));
        Console.Error.WriteLine($"   {kind.Name} done");
    }
}

var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
var md = new StringBuilder();
md.AppendLine($"pages: {comments} comments + {questions} questions, {rate} comments/s for {seconds} s; load average {string.Join(' ', load)}; {DateTime.UtcNow:u}");
md.AppendLine();
md.AppendLine("| page | HTML ms | DOM ready ms | first comment ms | usable (click answered) ms | long tasks while opening (n / max ms) | streamed shown/sent | new comment p50 / p99 / max ms | main thread busy | long tasks while streaming (n / max ms) | DOM nodes |");
md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    md.AppendLine($"| {r.Page} | {r.HtmlMs} | {r.DomReadyMs} | {r.FirstCommentMs} | {r.UsableMs} | {r.LoadLongTasks} / {r.LoadMaxLongTaskMs} | {r.Shown}/{r.Sent} | {r.P50Ms} / {r.P99Ms} / {r.MaxMs} | {r.BusyShare:P0} | {r.StreamLongTasks} / {r.StreamMaxLongTaskMs} | {r.DomNodes} |");
}
Console.WriteLine(md);
var dir = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(dir);
var stem = Path.Combine(dir, $"pages-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
await File.WriteAllTextAsync(stem + ".md", md.ToString());
await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { comments, questions, rate, seconds, loadAverage = load, results }, new JsonSerializerOptions { WriteIndented = true }));
return 0;
