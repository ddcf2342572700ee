using Deliberation.Core.Consultations;

namespace Deliberation.Core.Streaming;

/// <summary>What happened to a broadcast.</summary>
public enum StreamSignal
{
    /// <summary>The encoder started publishing (on_publish accepted).</summary>
    PublishStarted,
    /// <summary>The encoder stopped (on_publish_done).</summary>
    PublishStopped,
    /// <summary>The session ended.</summary>
    SessionEnded,
}

/// <summary>
/// The broadcast's states. Publishing moves waiting or interrupted to live; the encoder stopping while the session is
/// still on moves live to interrupted (it may publish again), after the session ended to ended; the session ending
/// ends the broadcast. Anything else leaves the state as it is (null).
/// </summary>
public static class StreamStateMachine
{
    /// <summary>The next state, or null when <paramref name="signal"/> changes nothing in <paramref name="state"/>.</summary>
    public static StreamState? Next(StreamState state, StreamSignal signal, ConsultationStatus session) => (state, signal) switch
    {
        (StreamState.Waiting or StreamState.Interrupted, StreamSignal.PublishStarted) => StreamState.Live,
        (StreamState.Live, StreamSignal.PublishStopped) => session is ConsultationStatus.Ended or ConsultationStatus.Archived
            ? StreamState.Ended : StreamState.Interrupted,
        (StreamState.Waiting or StreamState.Live or StreamState.Interrupted, StreamSignal.SessionEnded) => StreamState.Ended,
        _ => null,
    };

    /// <summary>Whether the session accepts a publish at all: published, not ended or archived.</summary>
    public static bool SessionAcceptsPublish(ConsultationStatus session) =>
        session is ConsultationStatus.Scheduled or ConsultationStatus.Live;
}
