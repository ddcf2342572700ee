using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Realtime.Minutes;

/// <summary>
/// Live compile progress for reviewers (staff, admins, leaders). A page asks to watch one minutes; the server
/// checks it exists, puts the connection in that minutes' group and returns the current status.
/// </summary>
[Authorize(Roles = "admin,staff,leader")]
public sealed class MinutesHub(HubDbContext db) : Hub<IMinutesClient>
{
    /// <summary>Starts watching <paramref name="minutesId"/>; returns where its compile stands now.</summary>
    public async Task<MinutesCompileStatus> Watch(Guid minutesId)
    {
        var m = await db.MinutesDocuments.AsNoTracking().Where(x => x.Id == minutesId)
            .Select(x => new { x.Id, x.CompileState, x.CompileProgress, x.CompileAttempts, x.CompileError, x.CurrentVersionNo })
            .SingleOrDefaultAsync(Context.ConnectionAborted)
            ?? throw new HubException("minutes.not_found");
        await Groups.AddToGroupAsync(Context.ConnectionId, MinutesGroups.For(minutesId), Context.ConnectionAborted);
        return new MinutesCompileStatus(m.Id, m.CompileState.ToString(), m.CompileProgress, m.CompileAttempts, MinutesNotifier.MaxAttempts, m.CompileError, m.CurrentVersionNo);
    }
}
