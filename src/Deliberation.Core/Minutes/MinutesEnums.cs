namespace Deliberation.Core.Minutes;

/// <summary>The life cycle of 协商纪要: draft → in review → signed (签发) → published.</summary>
public enum MinutesStatus
{
    /// <summary>草稿: compiled from the record; staff edit it and may recompile it.</summary>
    Draft,
    /// <summary>审核中: reviewers edit and comment; no recompiling.</summary>
    InReview,
    /// <summary>已签发: signed by a leader (or staff with the right); the text is frozen.</summary>
    Signed,
    /// <summary>已发布: published; immutable, corrected only by a new version with a reason.</summary>
    Published,
}

/// <summary>Where the background compile of a draft stands.</summary>
public enum CompileState
{
    /// <summary>Never compiled.</summary>
    None,
    /// <summary>Waiting in the job queue.</summary>
    Queued,
    /// <summary>A worker is compiling; see the progress.</summary>
    Running,
    /// <summary>The last attempt failed and another is scheduled.</summary>
    Retrying,
    /// <summary>Every attempt failed; staff may start a new compile.</summary>
    Failed,
    /// <summary>The draft holds the latest compile.</summary>
    Succeeded,
}

/// <summary>How a version of the minutes came about.</summary>
public enum MinutesVersionKind
{
    /// <summary>Compiled from the live record by the job.</summary>
    Compiled,
    /// <summary>Edited by a reviewer.</summary>
    Edited,
    /// <summary>A correction of published minutes, with a reason.</summary>
    Correction,
}
