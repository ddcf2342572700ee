using Deliberation.Core.Auditing;
using Deliberation.Core.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.FollowUp;

/// <summary>Walks fresh outcome items through the real use cases, so each test starts from the state it needs.</summary>
public sealed class FollowUpScenario(FollowUpFactory hub)
{
    public const string Housing = "市住房和城乡建设局";
    public const string Finance = "市财政局";

    public Actor Staff { get; } = new(null, "测试工作人员");
    public Actor Handler { get; } = new(null, "测试经办人");

    public Task<Guid> DepartmentAsync(string name) =>
        hub.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    /// <summary>王建国, the member behind the demo <c>member</c> account.</summary>
    public Task<Guid> DemoMemberAsync() =>
        hub.WithDbAsync(db => db.Users.Where(u => u.UserName == "member").Select(u => u.MemberId!.Value).SingleAsync());

    public async Task RunAsync(Func<FollowUpCommands, Task> step)
    {
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        await step(scope.ServiceProvider.GetRequiredService<FollowUpCommands>());
    }

    public async Task<Guid> CreateAsync(string title, bool isPublic = true, params Guid[] proposers)
    {
        var org = await hub.WithDbAsync(db => db.Organizations.Where(o => o.ParentId != null).Select(o => o.Id).FirstAsync());
        if (proposers.Length == 0) proposers = [await DemoMemberAsync()];
        Guid id = default;
        await RunAsync(async c => id = (await c.CreateAsync(org, new OutcomeDraft(title, $"{title}：具体建议内容。", "测试", OutcomeSource.Session,
            null, null, proposers, null, isPublic), Staff)).Id);
        return id;
    }

    public async Task<Guid> AssignedAsync(string title, string department = Housing, TimeSpan? dueIn = null, bool isPublic = true, params Guid[] proposers)
    {
        var id = await CreateAsync(title, isPublic, proposers);
        var dept = await DepartmentAsync(department);
        await RunAsync(c => c.SubmitAsync(id, Staff));
        await RunAsync(c => c.AssignAsync(id, new AssignmentDraft(dept, [], hub.Clock.Now + (dueIn ?? TimeSpan.FromDays(30)), null), Staff));
        return id;
    }

    public async Task<Guid> InProgressAsync(string title, string department = Housing, TimeSpan? dueIn = null, bool isPublic = true, params Guid[] proposers)
    {
        var id = await AssignedAsync(title, department, dueIn, isPublic, proposers);
        var dept = await DepartmentAsync(department);
        await RunAsync(c => c.AcceptAsync(id, dept, Handler));
        return id;
    }

    public async Task<Guid> RepliedAsync(string title, string department = Housing, bool isPublic = true, params Guid[] proposers)
    {
        var id = await InProgressAsync(title, department, null, isPublic, proposers);
        var dept = await DepartmentAsync(department);
        await RunAsync(c => c.ReplyAsync(id, dept, Reply(), Handler));
        return id;
    }

    public ReplyDraft Reply(string text = "经研究，已按建议落实。") =>
        new(text, ContactMethod.Phone, hub.Clock.Now.AddHours(-1), "提议人认可办理思路");

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 6)];
}
