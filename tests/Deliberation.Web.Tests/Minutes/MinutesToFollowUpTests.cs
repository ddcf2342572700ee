using Deliberation.Core.Auditing;
using Deliberation.Core.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Minutes;

[Collection(HubCollection.Name)]
public class MinutesToFollowUpTests(HubFactory hub)
{
    [Fact]
    public async Task PublishingMinutes_TurnsEachRecommendationIntoOneFollowUpItem_EvenWhenResent()
    {
        var f = await hub.CreateFixtureAsync(0x7a1);
        var id = await hub.CreateCompiledMinutesAsync(f);
        var staff = new Actor(null, "工作人员");
        await hub.WithScopeAsync(async sp =>
        {
            var signOff = sp.GetRequiredService<MinutesSignOff>();
            await signOff.MoveAsync(id, MinutesStatus.InReview, staff);
            await signOff.MoveAsync(id, MinutesStatus.Signed, new Actor(null, "领导"));
            await signOff.MoveAsync(id, MinutesStatus.Published, staff);
            await signOff.ResendAsync(id, staff);
            return 0;
        });
        var items = await hub.WithDbAsync(db => db.OutcomeItems.Where(i => i.ConsultationId == f.SessionId).OrderBy(i => i.RecommendationNumber).ToListAsync());
        Assert.Equal([1, 2], items.Select(i => i.RecommendationNumber));
        Assert.All(items, i => Assert.Equal(id, i.MinutesId));
        Assert.Equal("推行加装电梯联合审批，审批时限压缩至20个工作日。", items[0].Text);
    }
}
