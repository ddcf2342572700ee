using Deliberation.Core.Rooms;

namespace Deliberation.Web.Features.Rooms;

/// <summary>
/// The plain-text way staff write a questionnaire, one item a line: <c>类型|题目|选项1;选项2|必答</c>
/// (kinds 单选, 多选, 填空, 评分 or single, multiple, text, rating). The console uses the same format.
/// </summary>
public static class QuestionnaireItemsText
{
    private static readonly Dictionary<string, QuestionnaireItemKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["单选"] = QuestionnaireItemKind.Single, ["多选"] = QuestionnaireItemKind.Multiple, ["填空"] = QuestionnaireItemKind.Text, ["评分"] = QuestionnaireItemKind.Rating,
        ["single"] = QuestionnaireItemKind.Single, ["multiple"] = QuestionnaireItemKind.Multiple, ["text"] = QuestionnaireItemKind.Text, ["rating"] = QuestionnaireItemKind.Rating,
    };

    public static List<QuestionnaireItem> Parse(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(line =>
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            var kind = Kinds.GetValueOrDefault(parts[0], QuestionnaireItemKind.Text);
            return new QuestionnaireItem
            {
                Key = "",
                Text = parts.Length > 1 ? parts[1] : parts[0],
                Kind = kind,
                Options = parts.Length > 2 ? parts[2].Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [],
                Required = parts.Length > 3 && parts[3].Length > 0,
            };
        }).ToList();
}
