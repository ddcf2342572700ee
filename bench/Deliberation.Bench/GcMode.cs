using System.Text.Json;

namespace Deliberation.Bench;

/// <summary>
/// The garbage collector settings the hub ships, read from its Release runtimeconfig, so the harness reports them and
/// runs the raw WebSocket peer with the same ones (the hub itself simply runs as built).
/// </summary>
public sealed record GcMode(string Description, IReadOnlyDictionary<string, string> Environment)
{
    public static GcMode Of(string root)
    {
        var path = Path.Combine(root, "src", "Deliberation.Web", "bin", "Release", "net10.0", "Deliberation.Web.runtimeconfig.json");
        if (!File.Exists(path)) return new GcMode("unknown (hub not built)", new Dictionary<string, string>());
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var props = doc.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var p) ? p : default;
        string? Get(string name) => props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var v) ? v.ToString() : null;
        var server = string.Equals(Get("System.GC.Server"), "true", StringComparison.OrdinalIgnoreCase);
        var concurrent = Get("System.GC.Concurrent");
        var datas = Get("System.GC.DynamicAdaptationMode");
        var conserve = Get("System.GC.ConserveMemory");
        var env = new Dictionary<string, string> { ["DOTNET_gcServer"] = server ? "1" : "0" };
        var text = server ? "server" : "workstation";
        // Since .NET 9 server GC adapts its heap count (DATAS) unless DynamicAdaptationMode is 0.
        if (server) text += datas == "0" ? " (DATAS off)" : " (DATAS)";
        if (datas is not null) env["DOTNET_GCDynamicAdaptationMode"] = datas;
        if (string.Equals(concurrent, "false", StringComparison.OrdinalIgnoreCase))
        {
            text += ", non-concurrent";
            env["DOTNET_gcConcurrent"] = "0";
        }
        if (conserve is not null)
        {
            text += $", ConserveMemory={conserve}";
            env["DOTNET_GCConserveMemory"] = conserve;
        }
        return new GcMode(text, env);
    }
}
