namespace Deliberation.Core.Rooms;

/// <summary>Per-session settings of the live room, stored with the session.</summary>
public class RoomSettings
{
    /// <summary>Public comments wait for a moderator before anyone sees them (default on).</summary>
    public bool PreModeratePublic { get; set; } = true;
    /// <summary>Members' comments wait too (default off: members are post-moderated).</summary>
    public bool PreModerateMembers { get; set; }
    /// <summary>Minutes each speaker gets (default 5).</summary>
    public int SpeakingMinutes { get; set; } = 5;
    /// <summary>Reports that hide a comment pending review.</summary>
    public int ReportThreshold { get; set; } = 3;
    /// <summary>Seconds a public participant waits between comments.</summary>
    public int PublicCommentIntervalSeconds { get; set; } = 3;
    /// <summary>Sensitive words (敏感词): a comment containing one goes to the queue with the word as reason.</summary>
    public List<string> SensitiveWords { get; set; } = [];
    /// <summary>The agenda item under way.</summary>
    public Guid? CurrentAgendaItemId { get; set; }
    /// <summary>The moderator's latest announcement.</summary>
    public string? Announcement { get; set; }
}
