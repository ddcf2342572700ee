using Deliberation.Core.Minutes;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// After minutes are published (or corrected), dispatches the public-files render that was committed with the
/// change; when this never runs (a crash), <see cref="MinutesWorkSweep"/> does it.
/// </summary>
public sealed class PublicFilesDispatch(MinutesWorkDispatcher dispatcher) : IMinutesPublishedListener
{
    public async Task MinutesPublishedAsync(MinutesPublished e, CancellationToken ct) => await dispatcher.DispatchPendingAsync(e.ConsultationId, ct);
}
