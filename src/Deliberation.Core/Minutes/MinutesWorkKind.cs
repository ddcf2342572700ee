namespace Deliberation.Core.Minutes;

/// <summary>Follow-on work of the minutes that must not be lost between a commit and the job queue.</summary>
public enum MinutesWorkKind
{
    /// <summary>Compile the draft of a session that ended (or that staff asked to recompile).</summary>
    Compile,
    /// <summary>Render the public Markdown, HTML, Word and PDF of a published version and store them.</summary>
    RenderPublic,
}
