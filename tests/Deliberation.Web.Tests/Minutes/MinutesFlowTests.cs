using System.Net;
using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Web.Tests.Tenancy;

namespace Deliberation.Web.Tests.Minutes;

[Collection(HubCollection.Name)]
public class MinutesFlowTests(HubFactory hub)
{
    private static readonly Actor Staff = new(null, "工作人员");
    private static readonly Actor Leader = new(null, "领导");

    private static MinutesSignOff SignOff(IServiceProvider sp, RecordingListener listener)
    {
        var db = sp.GetRequiredService<HubDbContext>();
        return new MinutesSignOff(db, new MinutesCommands(db, TimeProvider.System), TimeProvider.System, [listener]);
    }

    [Fact]
    public async Task CompileJob_RunTwice_AddsNoSecondVersion()
    {
        var f = await hub.CreateFixtureAsync(0x6f1);
        var id = await hub.WithScopeAsync(async sp => (await sp.GetRequiredService<MinutesCommands>().EnsureAsync(f.SessionId)).Id);
        for (var i = 0; i < 2; i++)
        {
            await hub.WithScopeAsync(async sp => { await sp.GetRequiredService<CompileMinutesJob>().RunAsync(id, null, CancellationToken.None); return 0; });
        }
        var versions = await hub.WithDbAsync(db => db.MinutesVersions.CountAsync(v => v.MinutesId == id));
        Assert.Equal(1, versions);
        var minutes = await hub.WithDbAsync(db => db.MinutesDocuments.SingleAsync(m => m.Id == id));
        Assert.Equal(CompileState.Succeeded, minutes.CompileState);
        Assert.Equal(100, minutes.CompileProgress);
        Assert.Equal(1, await hub.WithDbAsync(db => db.MinutesDocuments.CountAsync(m => m.ConsultationId == f.SessionId)));
    }

    [Fact]
    public async Task Publishing_PushesNumberedRecommendations_AndRepublishingNeverDuplicates()
    {
        var f = await hub.CreateFixtureAsync(0x6f2);
        var id = await hub.CreateCompiledMinutesAsync(f);
        var listener = new RecordingListener();
        await hub.WithScopeAsync(async sp =>
        {
            var signOff = SignOff(sp, listener);
            await signOff.MoveAsync(id, MinutesStatus.InReview, Staff);
            await signOff.MoveAsync(id, MinutesStatus.Signed, Leader);
            await signOff.MoveAsync(id, MinutesStatus.Published, Staff);
            return 0;
        });
        var first = Assert.Single(listener.Events);
        Assert.Equal(f.SessionId, first.ConsultationId);
        Assert.Equal([1, 2], first.Recommendations.Select(r => r.Number));
        Assert.Equal("推行加装电梯联合审批，审批时限压缩至20个工作日。", first.Recommendations[0].Text);
        Assert.Equal(f.HousingId, first.Recommendations[0].DepartmentId);
        Assert.Equal([$"outcome:{f.RecommendationId}", $"speech:{f.Id(70)}", $"question:{f.Id(110)}"], first.Recommendations[0].SourceRefs);

        var published = await hub.WithDbAsync(db => db.MinutesVersions.Where(v => v.MinutesId == id).OrderByDescending(v => v.No).Select(v => v.Markdown).FirstAsync());
        await hub.WithScopeAsync(async sp =>
        {
            var signOff = SignOff(sp, listener);
            await Assert.ThrowsAsync<DomainException>(() => signOff.MoveAsync(id, MinutesStatus.Draft, Staff));
            await Assert.ThrowsAsync<DomainException>(() => sp.GetRequiredService<MinutesCommands>().SaveEditAsync(id, 1, "改写", null, Staff));
            await Assert.ThrowsAsync<DomainException>(() => signOff.CorrectAsync(id, published + "\n更正。\n", " ", Staff));
            await signOff.CorrectAsync(id, published.Replace("设立加装电梯专项补贴资金。", "设立加装电梯专项补贴资金，纳入年度预算。"), "补充资金来源", Staff);
            await signOff.ResendAsync(id, Staff);
            return 0;
        });
        Assert.Equal(3, listener.Events.Count);
        Assert.Equal(2, listener.Items.Count);
        Assert.Equal("设立加装电梯专项补贴资金，纳入年度预算。", listener.Items[(id, $"outcome:{f.Id(91)}")].Text);
        var versions = await hub.WithDbAsync(db => db.MinutesVersions.Where(v => v.MinutesId == id).OrderBy(v => v.No).ToListAsync());
        Assert.Equal([MinutesVersionKind.Compiled, MinutesVersionKind.Correction], versions.Select(v => v.Kind));
        Assert.Equal(published, versions[0].Markdown);
        Assert.Equal("补充资金来源", versions[1].Note);
    }

    [Fact]
    public async Task PublicVersion_DropsInternalPassagesAndSourceLinks()
    {
        var f = await hub.CreateFixtureAsync(0x6f3);
        var id = await hub.CreateCompiledMinutesAsync(f);
        await hub.WithScopeAsync(async sp =>
        {
            var commands = sp.GetRequiredService<MinutesCommands>();
            var text = await sp.GetRequiredService<HubDbContext>().MinutesVersions.Where(v => v.MinutesId == id).Select(v => v.Markdown).SingleAsync();
            await commands.SaveEditAsync(id, 1, text + "\n::: internal\n内部掌握：补贴口径待财政局确认。\n:::\n", "加内部说明", Staff);
            var signOff = SignOff(sp, new RecordingListener());
            await signOff.MoveAsync(id, MinutesStatus.InReview, Staff);
            await signOff.MoveAsync(id, MinutesStatus.Signed, Leader);
            await signOff.MoveAsync(id, MinutesStatus.Published, Staff);
            return 0;
        });
        await hub.SettlePublicRendersAsync();
        var anonymous = hub.Browser();
        var md = await anonymous.GetStringAsync($"/api/minutes/{id}/public.md");
        Assert.DoesNotContain("内部掌握", md);
        Assert.DoesNotContain("/admin/minutes/source", md);
        Assert.Contains("协商纪要", md);
        var page = await anonymous.GetStringAsync($"/minutes/{f.SessionId}");
        Assert.Contains("关于“老旧小区加装电梯”的协商纪要", page);
        Assert.DoesNotContain("内部掌握", page);
        var staff = hub.Browser();
        await staff.SignInAsync(await hub.StaffOfAsync(f.OrganizationId));
        Assert.Contains("内部掌握", await staff.GetStringAsync($"/api/minutes/{id}/full.md"));
    }

    [Fact]
    public async Task EndingASession_QueuesTheCompile_AndTheDraftAppears()
    {
        var f = await hub.CreateFixtureAsync(0x6f4);
        var live = await hub.WithDbAsync(async db =>
        {
            // The staff account works for the demo body; its admin pages show that body's sessions only.
            var demoBody = await db.Users.Where(u => u.UserName == "staff").Select(u => u.OrganizationId!.Value).SingleAsync();
            var c = new Consultation { OrganizationId = demoBody, Title = "结束即编纂", RoomCode = "654321", StartsAt = MinutesFixture.Start, EndsAt = MinutesFixture.Start.AddHours(1) };
            c.MoveTo(ConsultationStatus.Scheduled, MinutesFixture.Start);
            c.MoveTo(ConsultationStatus.Live, MinutesFixture.Start);
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var staff = hub.Browser();
        await staff.SignInAsync(Demo.Staff);
        var url = $"/Admin/Sessions/Edit/{live}";
        var response = await staff.PostFormAsync(url, new Dictionary<string, string> { ["next"] = nameof(ConsultationStatus.Ended) }, url + "?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        MinutesDocument? minutes = null;
        for (var i = 0; i < 120 && minutes?.CompileState != CompileState.Succeeded; i++)
        {
            await Task.Delay(250);
            minutes = await hub.WithDbAsync(db => db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.ConsultationId == live));
        }
        Assert.Equal(CompileState.Succeeded, minutes!.CompileState);
        Assert.Equal(1, minutes.CurrentVersionNo);
        var view = await staff.GetStringAsync($"/Admin/Minutes/View/{minutes.Id}");
        Assert.Contains("关于“结束即编纂”的协商纪要", view);
    }
}
