namespace Deliberation.Core.Consultations;

/// <summary>The legal moves between session statuses.</summary>
public static class ConsultationStatusRules
{
    private static readonly Dictionary<ConsultationStatus, ConsultationStatus[]> Allowed = new()
    {
        [ConsultationStatus.Draft] = [ConsultationStatus.Scheduled],
        [ConsultationStatus.Scheduled] = [ConsultationStatus.Draft, ConsultationStatus.Live],
        [ConsultationStatus.Live] = [ConsultationStatus.Ended],
        [ConsultationStatus.Ended] = [ConsultationStatus.Archived],
        [ConsultationStatus.Archived] = [],
    };

    /// <summary>Whether a session may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(ConsultationStatus from, ConsultationStatus to) => Allowed[from].Contains(to);

    /// <summary>The statuses reachable from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ConsultationStatus> Next(ConsultationStatus from) => Allowed[from];

    /// <summary>A session whose room code is reserved: every status but archived.</summary>
    public static bool HoldsRoomCode(ConsultationStatus status) => status != ConsultationStatus.Archived;
}
