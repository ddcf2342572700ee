namespace Deliberation.Core.Consultations;

/// <summary>The kind of consultation session (协商形式).</summary>
public enum ConsultationType
{
    /// <summary>专题协商</summary>
    Thematic,
    /// <summary>对口协商</summary>
    Counterpart,
    /// <summary>界别协商</summary>
    Sector,
    /// <summary>提案办理协商</summary>
    ProposalHandling,
    /// <summary>网络协商</summary>
    Online,
    /// <summary>远程协商</summary>
    Remote,
    /// <summary>线上协商议事厅</summary>
    OnlineHall,
    /// <summary>请你来协商</summary>
    PleaseComeConsult,
    /// <summary>恳谈会</summary>
    Roundtable,
    /// <summary>微协商</summary>
    Micro,
}

/// <summary>Where the session takes place.</summary>
public enum ConsultationMode
{
    /// <summary>线上</summary>
    Online,
    /// <summary>线下</summary>
    Offline,
    /// <summary>线上线下结合</summary>
    Hybrid,
}

/// <summary>The life cycle of a session: draft → scheduled → live → ended → archived.</summary>
public enum ConsultationStatus
{
    /// <summary>草稿: being prepared, not public.</summary>
    Draft,
    /// <summary>已排期: published, upcoming.</summary>
    Scheduled,
    /// <summary>直播中: the room is live.</summary>
    Live,
    /// <summary>已结束: the room is closed, the record is final.</summary>
    Ended,
    /// <summary>已归档: kept for the record; the room code is released.</summary>
    Archived,
}

/// <summary>How far the public (群众/网民) may take part.</summary>
public enum PublicAccess
{
    /// <summary>不公开: invited participants only.</summary>
    Closed,
    /// <summary>旁听: the public may watch.</summary>
    Watch,
    /// <summary>互动: the public may watch, comment, ask and vote in polls.</summary>
    Interact,
}
