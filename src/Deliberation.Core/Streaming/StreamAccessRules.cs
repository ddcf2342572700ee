using Deliberation.Core.Consultations;

namespace Deliberation.Core.Streaming;

/// <summary>What the rules know of a viewer: signed in, registered for the session (and how), moderating it.</summary>
/// <param name="SignedIn">The caller has an account.</param>
/// <param name="Registered">The caller is one of the session's registered participants (报名参会人员).</param>
/// <param name="Tier">The registered participant's tier, if registered.</param>
/// <param name="CanModerate">The body's staff or admins, or the session's registered moderator.</param>
public sealed record StreamViewer(bool SignedIn, bool Registered, ParticipantTier? Tier, bool CanModerate)
{
    /// <summary>A visitor without an account.</summary>
    public static readonly StreamViewer Anonymous = new(false, false, null, false);
}

/// <summary>Why a viewer may not watch (the API's <c>reason</c>).</summary>
public static class StreamDenial
{
    /// <summary>仅限登录用户观看.</summary>
    public const string SignIn = "signin";
    /// <summary>仅限报名参会人员观看.</summary>
    public const string Registered = "registered";
    /// <summary>The session is closed to the public (不对公众开放).</summary>
    public const string Closed = "closed";
}

/// <summary>
/// Who may watch a session's 直播 and its 回放. Moderators and registered participants always may; otherwise the
/// session must be open to the public (its <see cref="PublicAccess"/> not Closed) and the stream's
/// <see cref="StreamAccess"/> decides: everyone, signed-in accounts, or registered participants only.
/// </summary>
public static class StreamAccessRules
{
    /// <summary>Null when <paramref name="viewer"/> may watch, else the <see cref="StreamDenial"/> reason.</summary>
    public static string? Deny(StreamAccess access, PublicAccess sessionAccess, StreamViewer viewer)
    {
        if (viewer.CanModerate || viewer.Registered) return null;
        if (access == StreamAccess.Registered) return StreamDenial.Registered;
        if (sessionAccess == PublicAccess.Closed) return viewer.SignedIn ? StreamDenial.Closed : StreamDenial.SignIn;
        if (access == StreamAccess.SignedIn && !viewer.SignedIn) return StreamDenial.SignIn;
        return null;
    }

    /// <summary>Whether the viewer sees the video-conference join link (远程协商): moderators and registered speakers, never the public.</summary>
    public static bool SeesConferenceLink(StreamViewer viewer) =>
        viewer.CanModerate || (viewer.Registered && viewer.Tier is not null and not ParticipantTier.Public);
}
