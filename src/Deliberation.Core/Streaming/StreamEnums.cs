namespace Deliberation.Core.Streaming;

/// <summary>Where a session's video comes from.</summary>
public enum StreamSource
{
    /// <summary>The hub's own streaming server (nginx-rtmp): moderators push RTMP with the session's stream key.</summary>
    Local,
    /// <summary>An HLS URL elsewhere (SRS, a cloud live service, a CDN), with an optional backup URL.</summary>
    External,
}

/// <summary>Who may watch a session's stream and its replay.</summary>
public enum StreamAccess
{
    /// <summary>公开: anyone who may open the room.</summary>
    Public,
    /// <summary>登录用户: signed-in accounts only.</summary>
    SignedIn,
    /// <summary>报名参会人员: the session's registered participants (and its moderators) only.</summary>
    Registered,
}

/// <summary>The broadcast's state: waiting → live → (interrupted ⇄ live) → ended.</summary>
public enum StreamState
{
    /// <summary>未开始: nothing has been published yet.</summary>
    Waiting,
    /// <summary>直播中: the encoder is publishing.</summary>
    Live,
    /// <summary>信号中断: the encoder stopped while the session is still live; publishing again resumes.</summary>
    Interrupted,
    /// <summary>已结束: the session ended; the recording is the replay.</summary>
    Ended,
}
