using Deliberation.Core.Consultations;

namespace Deliberation.Core.Minutes;

/// <summary>
/// The 协商纪要 of one session: its number (第N期), status, compile progress and pointers to its versions. The
/// text lives in <see cref="MinutesVersion"/> rows; every change adds one, none is ever overwritten.
/// </summary>
public class MinutesDocument
{
    /// <summary>Primary key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The session (one minutes per session).</summary>
    public Guid ConsultationId { get; set; }
    /// <summary>The issuing body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>Year of the number.</summary>
    public int Year { get; set; }
    /// <summary>Issue number within the body and year (第N期).</summary>
    public int Number { get; set; }
    /// <summary>Current status; change it through <see cref="MoveTo"/>.</summary>
    public MinutesStatus Status { get; private set; } = MinutesStatus.Draft;
    /// <summary>Number of the current version (0 before the first compile).</summary>
    public int CurrentVersionNo { get; set; }
    /// <summary>Number of the version the public sees, once published.</summary>
    public int? PublishedVersionNo { get; set; }
    /// <summary>Background compile state.</summary>
    public CompileState CompileState { get; set; }
    /// <summary>Compile progress, 0–100.</summary>
    public int CompileProgress { get; set; }
    /// <summary>Attempts of the current compile request so far.</summary>
    public int CompileAttempts { get; set; }
    /// <summary>Why the last attempt failed, for staff.</summary>
    public string? CompileError { get; set; }
    /// <summary>When the last compile request was made.</summary>
    public DateTimeOffset? CompileRequestedAt { get; set; }
    /// <summary>Who signed (签发).</summary>
    public string? SignedBy { get; set; }
    /// <summary>When signed.</summary>
    public DateTimeOffset? SignedAt { get; set; }
    /// <summary>When first published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Moves to <paramref name="next"/>, or throws when the move is illegal or the draft is empty.</summary>
    public void MoveTo(MinutesStatus next, string actorName, DateTimeOffset now)
    {
        if (!MinutesStatusRules.CanMove(Status, next))
        {
            throw new DomainException("minutes.illegal_transition", $"{Status} -> {next}");
        }
        if (CurrentVersionNo == 0) throw new DomainException("minutes.empty");
        if (next == MinutesStatus.Signed)
        {
            SignedBy = actorName;
            SignedAt = now;
        }
        if (next == MinutesStatus.Draft)
        {
            SignedBy = null;
            SignedAt = null;
        }
        if (next == MinutesStatus.Published)
        {
            PublishedAt ??= now;
            PublishedVersionNo = CurrentVersionNo;
        }
        Status = next;
    }

    /// <summary>Throws unless reviewers may change the text now.</summary>
    public void EnsureEditable()
    {
        if (!MinutesStatusRules.IsEditable(Status)) throw new DomainException("minutes.not_editable", Status.ToString());
    }
}
