using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>Guarantee 5 in one process: the compile request commits with the session's end and is dispatched once, however many dispatchers race.</summary>
[Collection(HubCollection.Name)]
public class MinutesWorkTests(HubFactory hub)
{
    [Fact]
    public async Task EndingASession_CommitsTheCompileRequestWithIt_AndRacingDispatchersQueueItOnce()
    {
        var session = await hub.WithDbAsync(async db =>
        {
            var org = await db.Users.Where(u => u.UserName == "staff").Select(u => u.OrganizationId!.Value).SingleAsync();
            var c = new Consultation { OrganizationId = org, Title = "未派发的编纂", RoomCode = "754321", StartsAt = MinutesFixture.Start, EndsAt = MinutesFixture.Start.AddHours(1) };
            c.MoveTo(ConsultationStatus.Scheduled, MinutesFixture.Start);
            c.MoveTo(ConsultationStatus.Live, MinutesFixture.Start);
            db.Consultations.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        // Ended with no listener at all: as if the process died right after the commit.
        await hub.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HubDbContext>();
            await new ConsultationCommands(db, TimeProvider.System, [], []).ChangeStatusAsync(session, ConsultationStatus.Ended, Actor.System);
            return 0;
        });
        var request = await hub.WithDbAsync(db => db.MinutesWork.AsNoTracking().SingleAsync(w => w.ConsultationId == session));
        Assert.Equal(MinutesWorkKind.Compile, request.Kind);
        Assert.Null(request.EnqueuedAt);
        Assert.Null(await hub.WithDbAsync(db => db.MinutesDocuments.SingleOrDefaultAsync(m => m.ConsultationId == session)));

        // Eight sweeps on "eight nodes" at once: one claims it.
        var dispatched = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            hub.WithScopeAsync(sp => sp.GetRequiredService<MinutesWorkDispatcher>().DispatchPendingAsync(session, CancellationToken.None)))));
        Assert.Equal(1, dispatched.Sum());

        var until = DateTime.UtcNow.AddMinutes(2);
        MinutesWorkItem done;
        while ((done = await hub.WithDbAsync(db => db.MinutesWork.AsNoTracking().SingleAsync(w => w.Id == request.Id))).DoneAt is null)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the compile did not finish");
            await Task.Delay(100);
        }
        Assert.NotNull(done.JobId);
        Assert.Equal(done.JobId, done.RunBy);
        var minutes = await hub.WithDbAsync(db => db.MinutesDocuments.AsNoTracking().SingleAsync(m => m.ConsultationId == session));
        Assert.Equal(CompileState.Succeeded, minutes.CompileState);
        Assert.Equal(1, minutes.CurrentVersionNo);

        // A duplicate job for the same request (its dispatcher died before stamping the enqueue) does not run it again.
        Assert.False(await hub.WithScopeAsync(sp => MinutesWorkRuns.TakeAsync(sp.GetRequiredService<HubDbContext>(), request.Id, null, CancellationToken.None)));
        Assert.Equal(0, await hub.WithScopeAsync(sp => sp.GetRequiredService<MinutesWorkDispatcher>().DispatchPendingAsync(session, CancellationToken.None)));
    }
}
