namespace Deliberation.Testing;

/// <summary>
/// Every way of writing an internal passage (内部掌握) the reviewers' renderer shades, each hiding the sentence
/// <see cref="Secret"/> between public paragraphs. Shared by the unit tests (the cut) and the integration tests
/// (every public export). Linked source.
/// </summary>
public static class InternalFences
{
    public const string Secret = "SECRET补贴口径待财政局确认";
    public const string Before = "公开开头段落";
    public const string After = "公开结尾段落";

    /// <summary>Name → the passage as written (some unclosed: they run to the end of their container).</summary>
    public static readonly IReadOnlyDictionary<string, string> Variants = new Dictionary<string, string>
    {
        ["three colons"] = $"::: internal\n{Secret}\n:::",
        ["four colons"] = $":::: internal\n{Secret}\n::::",
        ["five colons with arguments"] = $"::::: internal 仅限内部\n{Secret}\n:::::",
        ["no space"] = $":::internal\n{Secret}\n:::",
        ["class attribute"] = "::: {.internal}\n" + Secret + "\n:::",
        ["class attribute among others"] = "::: { .note .internal }\n" + Secret + "\n:::",
        ["uppercase"] = $"::: INTERNAL\n{Secret}\n:::",
        ["capitalised"] = $"::: Internal\n{Secret}\n:::",
        ["closed by a longer fence"] = $"::: internal\n{Secret}\n:::::",
        ["nested in another container"] = $":::: note\n公开的注\n\n::: internal\n{Secret}\n:::\n::::",
        ["holding another container"] = $"::::: internal\n::: note\n{Secret}\n:::\n:::::",
        ["in a list item"] = $"- 第一项\n\n  ::: internal\n  {Secret}\n  :::\n- 第二项",
        ["opening a list item"] = $"- ::: internal\n  {Secret}\n  :::",
        ["in a nested list"] = $"1. 一项\n   - 子项\n\n     ::: internal\n     {Secret}\n     :::",
        ["in a block quote"] = $"> 引文\n>\n> ::: internal\n> {Secret}\n> :::\n> 引文之后",
        ["unclosed in a block quote"] = $"> ::: internal\n> {Secret}",
        ["CRLF line ends"] = $"::: internal\r\n{Secret}\r\n:::".Replace("\n", "\r\n").Replace("\r\r\n", "\r\n"),
        ["trailing spaces"] = $"::: internal   \n{Secret}  \n:::   ",
        ["indented three spaces"] = $"   ::: internal\n   {Secret}\n   :::",
        ["lazy paragraph lines"] = $"::: internal\n第一行\n{Secret}\n第三行\n:::",
        ["table inside"] = $"::: internal\n| 项 | 值 |\n| --- | --- |\n| {Secret} | 1 |\n:::",
        ["unclosed at the end"] = $"::: internal\n{Secret}\n\n更多内部内容",
    };

    /// <summary>The variant between two public paragraphs (an unclosed one swallows the paragraph after it).</summary>
    public static string Document(string variant) => $"# 测试纪要\n\n{Before}\n\n{Variants[variant]}\n\n{After}\n";

    /// <summary>Variants whose passage runs to the end of the document.</summary>
    public static bool SwallowsTheRest(string variant) => variant == "unclosed at the end";

    public static IEnumerable<object[]> Names => Variants.Keys.Select(k => new object[] { k });
}
