using Deliberation.Realtime.Rooms;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>The coalescer's pending counts: a value marked while a push is prepared is never dropped.</summary>
public class PendingCountsTests
{
    [Fact]
    public void OutOfOrderMarks_KeepTheLargest()
    {
        var pending = new PendingCounts<Guid>();
        var id = Guid.NewGuid();
        pending.Mark(id, 5);
        pending.Mark(id, 3);
        Assert.Equal([new KeyValuePair<Guid, int>(id, 5)], pending.Take());
        Assert.Empty(pending.Take());
        Assert.True(pending.IsEmpty);
    }

    [Fact]
    public async Task AValueMarkedDuringTakes_IsTakenLater_SoTheLastTakenIsTheNewest()
    {
        const int marks = 200_000;
        var pending = new PendingCounts<int>();
        var taken = new List<int>();
        using var done = new CancellationTokenSource();
        // One writer marks a growing count for the same key while a reader takes as fast as it can: with
        // "copy, then remove by key", a value marked between the copy and the removal would vanish.
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested) taken.AddRange(pending.Take().Select(kv => kv.Value));
        });
        await Task.Run(() =>
        {
            for (var i = 1; i <= marks; i++) pending.Mark(0, i);
        });
        await done.CancelAsync();
        await reader;
        taken.AddRange(pending.Take().Select(kv => kv.Value));

        Assert.Equal(marks, taken[^1]);
        Assert.Equal(taken.Order(), taken); // never an older value after a newer one
        Assert.True(pending.IsEmpty);
    }
}
