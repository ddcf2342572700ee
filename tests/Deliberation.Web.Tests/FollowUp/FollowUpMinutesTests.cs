using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpMinutesTests(FollowUpFactory hub)
{
    private readonly FollowUpScenario _s = new(hub);

    private async Task<Guid> CreateAsync(Guid minutes, Guid session, int number, Guid member, Guid dept)
    {
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var commands = scope.ServiceProvider.GetRequiredService<FollowUpCommands>();
        var item = await commands.CreateFromMinutesAsync(minutes, session, number, $"第{number}条：建议加快推进。", dept, [member], true,
            ["speech:42"], new Core.Auditing.Actor(null, "纪要"));
        return item.Id;
    }

    [Fact]
    public async Task FollowUp_CreateFromMinutes_IsIdempotent_EvenWhenCalledConcurrently()
    {
        var session = await hub.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Ended).Select(c => c.Id).FirstAsync());
        var member = await _s.DemoMemberAsync();
        var dept = await _s.DepartmentAsync(FollowUpScenario.Housing);
        var minutes = Guid.NewGuid();

        var first = await CreateAsync(minutes, session, 3, member, dept);
        Assert.Equal(first, await CreateAsync(minutes, session, 3, member, dept));
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateAsync(minutes, session, 4, member, dept)));
        Assert.Single(racing.Distinct());
        Assert.NotEqual(first, racing[0]);

        var rows = await hub.WithDbAsync(db => db.OutcomeItems.Include(i => i.Proposers).Where(i => i.MinutesId == minutes).ToListAsync());
        Assert.Equal(2, rows.Count);
        var item = rows.Single(i => i.RecommendationNumber == 3);
        Assert.Equal((OutcomeSource.Minutes, session, dept, FollowUpStatus.Pending), (item.Source, item.ConsultationId!.Value, item.ProposedDepartmentId!.Value, item.Status));
        Assert.Equal(["speech:42"], item.SourceRefs);
        Assert.Equal(member, item.Proposers.Single().MemberId);
        Assert.Equal("第3条：建议加快推进", item.Title);
    }
}
