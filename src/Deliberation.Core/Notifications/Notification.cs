namespace Deliberation.Core.Notifications;

/// <summary>Which of the recipient's roles a notification addresses; it decides where its link leads.</summary>
public enum NotificationAudience
{
    /// <summary>工作人员</summary>
    Staff,
    /// <summary>领导</summary>
    Leader,
    /// <summary>承办单位</summary>
    Department,
    /// <summary>提议人 (委员)</summary>
    Proposer,
    /// <summary>议题或社情民意的提交人</summary>
    Submitter,
    /// <summary>受邀参会人员</summary>
    Invitee,
}

/// <summary>
/// An in-app notification for one account. The text is not stored: <see cref="Kind"/> and <see cref="Args"/> are
/// rendered in the reader's language when shown or mailed.
/// </summary>
public class Notification
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }
    /// <summary>The recipient's account.</summary>
    public Guid UserId { get; set; }
    /// <summary>What it says, e.g. <c>followup.assigned</c>; the resource key is <c>Notify.</c> + kind.</summary>
    public required string Kind { get; set; }
    /// <summary>The role it addresses.</summary>
    public NotificationAudience Audience { get; set; }
    /// <summary>The outcome item it is about, if any.</summary>
    public Guid? ItemId { get; set; }
    /// <summary>What else it is about (a topic, a session, a 社情民意 report); <see cref="Kind"/>'s prefix says which.</summary>
    public Guid? SubjectId { get; set; }
    /// <summary>Format arguments (titles, dates as yyyy-MM-dd, counts).</summary>
    public List<string> Args { get; set; } = [];
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the recipient read it.</summary>
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When the e-mail copy went out.</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}

/// <summary>A reminder already sent, keyed so that a re-run (or a second node) never sends it twice.</summary>
public class SentReminder
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }
    /// <summary>Unique key, e.g. <c>due:7:{item}:{round}:2026-12-01</c>.</summary>
    public required string Key { get; set; }
    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>Delivers notifications after they are committed (live push, e-mail). The host implements it.</summary>
public interface INotificationSink
{
    /// <summary>Called once the notifications are saved.</summary>
    Task DeliverAsync(IReadOnlyList<Notification> saved, CancellationToken ct = default);
}
