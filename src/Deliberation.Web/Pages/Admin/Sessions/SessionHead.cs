using Deliberation.Core.Consultations;

namespace Deliberation.Web.Pages.Admin.Sessions;

/// <summary>What the preparation pages (agenda, participants) show above their content.</summary>
public sealed record SessionHead(Guid Id, string Title, ConsultationStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>Once ended or archived, the agenda and the attendance are part of the record.</summary>
    public bool IsClosed => Status is ConsultationStatus.Ended or ConsultationStatus.Archived;
}
