using Deliberation.Core.FollowUp;
using Deliberation.Web.Features.FollowUp.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.FollowUp;

/// <summary>The supervision jobs against a hand-moved clock: each reminder once, however often the jobs run.</summary>
[Collection(FollowUpCollection.Name)]
public class FollowUpJobsTests(FollowUpFactory hub) : IDisposable
{
    private readonly FollowUpScenario _s = new(hub);
    private readonly DateTimeOffset _start = hub.Clock.Now;

    public void Dispose() => hub.Clock.Now = _start;

    private async Task RunAsync<TJob>() where TJob : notnull
    {
        // A fresh scope per run, as after a restart: nothing is remembered in memory.
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        await (Task)typeof(TJob).GetMethod("RunAsync")!.Invoke(job, [CancellationToken.None])!;
    }

    private Task<int> CountAsync(Guid item, string kind) =>
        hub.WithDbAsync(db => db.Notifications.CountAsync(n => n.ItemId == item && n.Kind == kind));

    [Fact]
    public async Task FollowUp_DeadlineReminders_GoOutAtSevenAndOneDays_OnceEach_HoweverOftenTheJobRuns()
    {
        var id = await _s.InProgressAsync(FollowUpScenario.Unique("期限提醒"), dueIn: TimeSpan.FromDays(10));
        var due = await hub.WithDbAsync(db => db.OutcomeItems.Where(i => i.Id == id).Select(i => i.DueAt!.Value).SingleAsync());

        await RunAsync<DeadlineReminderJob>();
        Assert.Equal(0, await CountAsync(id, "followup.due_soon"));

        hub.Clock.Now = due.AddDays(-6.9);
        await RunAsync<DeadlineReminderJob>();
        var first = await CountAsync(id, "followup.due_soon");
        Assert.True(first > 0);
        await RunAsync<DeadlineReminderJob>();
        await Task.WhenAll(RunAsync<DeadlineReminderJob>(), RunAsync<DeadlineReminderJob>());
        Assert.Equal(first, await CountAsync(id, "followup.due_soon"));

        hub.Clock.Now = due.AddHours(-12);
        await Task.WhenAll(RunAsync<DeadlineReminderJob>(), RunAsync<DeadlineReminderJob>(), RunAsync<DeadlineReminderJob>());
        await RunAsync<DeadlineReminderJob>();
        Assert.Equal(2 * first, await CountAsync(id, "followup.due_soon"));
        var keys = await hub.WithDbAsync(db => db.SentReminders.Where(r => r.Key.Contains(id.ToString())).Select(r => r.Key).ToListAsync());
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k.StartsWith("due:7:"));
        Assert.Contains(keys, k => k.StartsWith("due:1:"));
    }

    [Fact]
    public async Task FollowUp_OverdueJob_FlagsOnce_TellsDepartmentAndStaffOnce_AndEscalatesAfterAWeek()
    {
        var id = await _s.InProgressAsync(FollowUpScenario.Unique("逾期督办"), dueIn: TimeSpan.FromDays(2));
        var due = await hub.WithDbAsync(db => db.OutcomeItems.Where(i => i.Id == id).Select(i => i.DueAt!.Value).SingleAsync());

        hub.Clock.Now = due.AddHours(1);
        await RunAsync<OverdueJob>();
        await Task.WhenAll(RunAsync<OverdueJob>(), RunAsync<OverdueJob>());
        var item = await hub.WithDbAsync(db => db.OutcomeItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(due.AddHours(1), item.OverdueSince);
        Assert.Equal(1, await hub.WithDbAsync(db => db.FollowUpEvents.CountAsync(e => e.ItemId == id && e.Kind == FollowUpEventKind.Overdue)));
        var told = await CountAsync(id, "followup.overdue");
        Assert.True(told >= 2, "department and staff");
        Assert.Equal(0, await CountAsync(id, "followup.overdue_escalated"));

        hub.Clock.Now = due.AddDays(8);
        await RunAsync<OverdueJob>();
        await RunAsync<OverdueJob>();
        Assert.Equal(told, await CountAsync(id, "followup.overdue"));
        var escalated = await CountAsync(id, "followup.overdue_escalated");
        Assert.True(escalated > 0);
        await RunAsync<OverdueJob>();
        Assert.Equal(escalated, await CountAsync(id, "followup.overdue_escalated"));

        var page = await hub.Browser().GetStringAsync($"/progress/{id}");
        Assert.Contains("逾期", page);
        Assert.Single(await hub.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == "followup.overdue").ToListAsync()));
    }

    [Fact]
    public async Task FollowUp_LookBackReminder_IsSentOnce_WhenTheReviewNears()
    {
        var member = await _s.DemoMemberAsync();
        var id = await _s.RepliedAsync(FollowUpScenario.Unique("回头看提醒"));
        await _s.RunAsync(c => c.RateAsync(id, member, new RatingDraft(Satisfaction.Satisfied, Satisfaction.Satisfied, Satisfaction.Satisfied, Satisfaction.Satisfied, null), new Core.Auditing.Actor(null, "王建国")));
        var lookBack = await hub.WithDbAsync(db => db.OutcomeItems.Where(i => i.Id == id).Select(i => i.LookBackDueAt!.Value).SingleAsync());

        await RunAsync<LookBackReminderJob>();
        Assert.Equal(0, await CountAsync(id, "followup.lookback_due"));
        hub.Clock.Now = lookBack.AddDays(-10);
        await RunAsync<LookBackReminderJob>();
        var sent = await CountAsync(id, "followup.lookback_due");
        Assert.True(sent > 0);
        hub.Clock.Now = lookBack.AddDays(1);
        await RunAsync<LookBackReminderJob>();
        Assert.Equal(sent, await CountAsync(id, "followup.lookback_due"));
    }

    [Fact]
    public async Task FollowUp_WeeklyDigest_GoesToStaffOncePerWeek()
    {
        Task<int> Digests() => hub.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "followup.digest"));
        hub.Clock.Now = _start.AddDays(70);
        var before = await Digests();
        await RunAsync<WeeklyDigestJob>();
        var once = await Digests();
        Assert.True(once > before);
        await RunAsync<WeeklyDigestJob>();
        Assert.Equal(once, await Digests());
        hub.Clock.Now = _start.AddDays(77);
        await RunAsync<WeeklyDigestJob>();
        Assert.Equal(once + (once - before), await Digests());
    }
}
