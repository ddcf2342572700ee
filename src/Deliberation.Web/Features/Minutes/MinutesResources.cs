using System.Reflection;
using System.Text.Json;
using Deliberation.Core.Minutes.Compiling;

namespace Deliberation.Web.Features.Minutes;

/// <summary>The default template, the document's wording and the stop words, embedded from Templates/.</summary>
public static class MinutesResources
{
    private static readonly Lazy<string> DefaultTemplateText = new(() => Read("default.zh-CN.md"));
    private static readonly Lazy<MinutesPhrases> PhraseTable = new(() =>
        new MinutesPhrases(JsonSerializer.Deserialize<Dictionary<string, string>>(Read("phrases.zh-CN.json"))!));
    private static readonly Lazy<IReadOnlyList<string>> StopWordList = new(() =>
        Read("stopwords.zh-CN.txt").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList());

    public static string DefaultTemplate => DefaultTemplateText.Value;
    public static MinutesPhrases Phrases => PhraseTable.Value;
    public static IReadOnlyList<string> StopWords => StopWordList.Value;

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Minutes." + name)
            ?? throw new InvalidOperationException($"embedded resource Minutes.{name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
