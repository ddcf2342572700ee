using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deliberation.Core.Rooms;
using Deliberation.Realtime.Rooms;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.BadInput;

/// <summary>
/// Every public method of the room hub, found by reflection (a new method gets its cases without anyone writing them):
/// text with a NUL, a lone surrogate or a control character in any string it takes, wrong argument types and a wrong
/// argument count. Each is refused with a typed code, stores nothing and writes no error to the log.
/// </summary>
[Collection(BadInputCollection.Name)]
public class HubBadInputTests(BadInputFactory hub)
{
    /// <summary>The bad strings, as the browser's JSON.stringify writes them.</summary>
    private static readonly (string Kind, string Json)[] BadTexts =
    [
        ("nul", "\"a\\u0000b\""),
        ("lone-surrogate", "\"a\\ud800b\""),
        ("control", "\"a\\u0007b\""),
    ];

    public static IEnumerable<MethodInfo> HubMethods() =>
        typeof(RoomHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(RoomHub))
            .OrderBy(m => m.Name);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var m in HubMethods())
        {
            var parameters = m.GetParameters();
            if (parameters.Any(p => CarriesText(p.ParameterType, 0)))
            {
                foreach (var (kind, json) in BadTexts)
                {
                    data.Add(m.Name, kind, $"[{string.Join(",", parameters.Select(p => Sample(p.ParameterType, json, 0)))}]", RoomErrors.InvalidText);
                }
            }
            if (parameters.Length > 0)
            {
                // A string where an id, a number, a flag or a request belongs; an object where a string belongs.
                data.Add(m.Name, "wrong-types", $"[{string.Join(",", parameters.Select(p => p.ParameterType == typeof(string) ? "{}" : "\"bad\""))}]", RoomErrors.BadRequest);
            }
            data.Add(m.Name, "one-argument-too-many",
                $"[{string.Join(",", parameters.Select(p => Sample(p.ParameterType, "\"ok\"", 0)).Append("1"))}]", RoomErrors.BadRequest);
        }
        data.Add("NoSuchMethod", "unknown-method", "[]", RoomErrors.BadRequest);
        return data;
    }

    [Fact]
    public void TheCasesCoverEveryHubMethod_AndEveryMethodThatTakesText()
    {
        var covered = Cases().Select(c => (string)c[0]).ToHashSet();
        Assert.All(HubMethods(), m => Assert.Contains(m.Name, covered));
        var withText = Cases().Where(c => (string)c[3] == RoomErrors.InvalidText).Select(c => (string)c[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "Join", "PostComment", "AskQuestion", "Announce", "RecordOutcome", "CreatePoll", "AnswerPoll",
            "CreateQuestionnaire", "SubmitQuestionnaire", "RequestFloor", "AnswerQuestion", "RejectComment", "UpdateSettings", "BlockParticipant" }, withText);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_IsRefusedWithATypedCode_StoresNothing_AndLogsNoError(string method, string kind, string arguments, string code)
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var client = await RawHubClient.ConnectAsync(hub, await ModeratorAsync());
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);
        var before = await StoredAsync(room);
        var mark = hub.Logs.Count;

        var done = await client.InvokeAsync(method, arguments);

        Assert.True(done.Error is not null, $"{method} ({kind}) was accepted");
        Assert.Matches($@"HubException: {Regex.Escape(code)}(:[A-Za-z0-9_.-]+)?$", done.Error);
        Assert.Equal(before, await StoredAsync(room));
        Assert.Empty(hub.ErrorsOrTracesSince(mark));
        // The connection is still usable: a refusal is an answer, not a protocol failure.
        Assert.Null((await client.InvokeAsync("Resume", "[0]")).Error);
    }

    [Fact]
    public async Task CreateQuestionnaire_TakesItemsAsDocumented_WithoutKeys_AndNumbersThem()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var client = await RawHubClient.ConnectAsync(hub, await ModeratorAsync());
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);

        var done = await client.InvokeAsync("CreateQuestionnaire", """
            [{ "title": "意见征集", "description": null, "anonymous": true, "startsAt": null, "endsAt": null,
               "items": [ { "text": "您住几楼？", "kind": "Single", "options": ["低层", "高层"], "required": true },
                          { "text": "其他建议", "kind": "Text", "options": [], "required": false } ] }]
            """);

        Assert.Null(done.Error);
        var id = done.Result!.Value.GetGuid();
        var stored = await hub.WithDbAsync(db => db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == id));
        Assert.Equal(["q1", "q2"], stored.Items.Select(i => i.Key));
        Assert.Equal(["低层", "高层"], stored.Items[0].Options);
    }

    [Fact]
    public async Task BadTextInAQuestionnaireItem_NamesTheItem()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var client = await RawHubClient.ConnectAsync(hub, await ModeratorAsync());
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);

        var draft = await client.InvokeAsync("CreateQuestionnaire", """
            [{ "title": "调查", "anonymous": true, "items": [ { "text": "楼层", "kind": "Rating" }, { "text": "建\u0000议", "kind": "Text" } ] }]
            """);
        Assert.EndsWith($"{RoomErrors.InvalidText}:q2", draft.Error);

        // A line break is fine in an answer but not in a one-line item text (checked where it is stored).
        var title = await client.InvokeAsync("CreateQuestionnaire", """
            [{ "title": "调查", "anonymous": true, "items": [ { "text": "楼\n层", "kind": "Rating" } ] }]
            """);
        Assert.EndsWith($"{RoomErrors.InvalidText}:q1", title.Error);

        var id = (await client.InvokeAsync("CreateQuestionnaire", """
            [{ "title": "调查", "anonymous": true, "items": [ { "text": "满意度", "kind": "Rating" }, { "text": "建议", "kind": "Text" } ] }]
            """)).Result!.Value.GetGuid();
        Assert.Null((await client.InvokeAsync("OpenQuestionnaire", $"[\"{id}\"]")).Error);
        var answer = await client.InvokeAsync("SubmitQuestionnaire",
            $$"""[{ "questionnaireId": "{{id}}", "answers": [ { "key": "q1", "rating": 4 }, { "key": "q2", "text": "多\u001b听" } ] }]""");
        Assert.EndsWith($"{RoomErrors.InvalidText}:q2", answer.Error);
        Assert.Equal(0, await hub.WithDbAsync(db => db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == id)));

        var fine = await client.InvokeAsync("SubmitQuestionnaire",
            $$"""[{ "questionnaireId": "{{id}}", "answers": [ { "key": "q1", "rating": 4 }, { "key": "q2", "text": "第一，\n\t多听 👂" } ] }]""");
        Assert.Null(fine.Error);
    }

    [Fact]
    public async Task OrdinaryText_LineBreaksTabsAndEmoji_StillPasses()
    {
        var room = await LiveRooms.CreateAsync(hub);
        await using var client = await RawHubClient.ConnectAsync(hub, await ModeratorAsync());
        Assert.Null((await client.InvokeAsync("Join", $"[{{\"roomId\":\"{room}\"}}]")).Error);
        var done = await client.InvokeAsync("PostComment", "[\"第一行\\r\\n第二行\\t👍 \\ud83d\\ude00\"]");
        Assert.Null(done.Error);
        var text = await hub.WithDbAsync(db => db.Comments.Where(c => c.ConsultationId == room).Select(c => c.Text).SingleAsync());
        Assert.Equal("第一行\n第二行\t👍 😀", text);
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Person? _moderator;

    /// <summary>The demo moderator, signed in once for all cases.</summary>
    private async Task<Person> ModeratorAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _moderator ??= await Person.SignedInAsync(hub, Demo.Moderator);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>What a call could have stored: the room's events, questionnaires and audit trail.</summary>
    private Task<(int Events, int Questionnaires, int Audit)> StoredAsync(Guid room) => hub.WithDbAsync(async db =>
        (await db.RoomEvents.CountAsync(e => e.ConsultationId == room),
         await db.Questionnaires.CountAsync(q => q.ConsultationId == room),
         await db.AuditEntries.CountAsync()));

    private static bool CarriesText(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return true;
        if (depth > 4 || type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(DateTimeOffset)) return false;
        if (ElementType(type) is { } element) return CarriesText(element, depth + 1);
        return type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) == true
            && type.GetProperties().Any(p => CarriesText(p.PropertyType, depth + 1));
    }

    /// <summary>A well-typed JSON value for <paramref name="type"/> whose every string is <paramref name="text"/>.</summary>
    private static string Sample(Type type, string text, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return text;
        if (type == typeof(Guid)) return $"\"{Guid.NewGuid()}\"";
        if (type == typeof(bool)) return "true";
        if (type.IsEnum) return JsonSerializer.Serialize(Enum.GetNames(type)[0]);
        if (type.IsPrimitive) return "1";
        if (type == typeof(DateTimeOffset)) return "null";
        if (ElementType(type) is { } element) return $"[{Sample(element, text, depth + 1)}]";
        if (depth > 4) return "null";
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => $"{JsonSerializer.Serialize(JsonNamingPolicy.CamelCase.ConvertName(p.Name))}:{Sample(p.PropertyType, text, depth + 1)}");
        return $"{{{string.Join(",", fields)}}}";
    }

    private static Type? ElementType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault()
            : null;
}
