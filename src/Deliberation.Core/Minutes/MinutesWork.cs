using Deliberation.Core.Persistence;

namespace Deliberation.Core.Minutes;

/// <summary>Adds follow-on work to the caller's unit of work, so it commits (or rolls back) with the change that asks for it.</summary>
public static class MinutesWork
{
    /// <summary>Asks for the minutes of <paramref name="consultationId"/> to be compiled.</summary>
    public static MinutesWorkItem RequestCompile(HubDbContext db, Guid consultationId, DateTimeOffset now)
    {
        var item = new MinutesWorkItem { Kind = MinutesWorkKind.Compile, ConsultationId = consultationId, RequestedAt = now };
        db.MinutesWork.Add(item);
        return item;
    }

    /// <summary>Asks for the public files of version <paramref name="versionNo"/> of <paramref name="minutes"/> to be rendered and stored.</summary>
    public static MinutesWorkItem RequestPublicFiles(HubDbContext db, MinutesDocument minutes, int versionNo, DateTimeOffset now)
    {
        var item = new MinutesWorkItem
        {
            Kind = MinutesWorkKind.RenderPublic, ConsultationId = minutes.ConsultationId, MinutesId = minutes.Id, VersionNo = versionNo, RequestedAt = now,
        };
        db.MinutesWork.Add(item);
        return item;
    }
}
