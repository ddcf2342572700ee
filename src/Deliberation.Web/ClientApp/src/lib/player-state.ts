// The live player's state, as a pure reducer: what the stream info says, what the video element and hls.js report,
// and what to do about failures (retry with backoff, recover the media, refetch for fresh signed URLs, switch to the
// backup source). No DOM, no timers: lib/player.ts feeds it events and carries out the effects it returns.

/** GET /api/sessions/{id}/stream (docs/realtime-api.md, "Stream"). */
export interface StreamInfo {
  state: "waiting" | "live" | "interrupted" | "ended";
  sessionStatus: string;
  startsAt: string | null;
  canWatch: boolean;
  reason: string | null;
  reasonText: string | null;
  sources: { url: string; label: string }[];
  expiresAt: string | null;
  replay: { available: boolean; parts: { url: string; startedAt: string; endedAt: string | null }[] } | null;
  danmakuOnScreen: boolean;
  conferenceUrl: string | null;
}

export type Phase = "loading" | "waiting" | "live" | "interrupted" | "stalled" | "ended" | "denied";

export interface PlayerState {
  phase: Phase;
  info: StreamInfo | null;
  /** Index into info.sources of the source being played. */
  source: number;
  /** Failures of the current source since it last played. */
  failures: number;
  /** recoverMediaError calls since the video last played. */
  mediaRecoveries: number;
  /** Failed /stream fetches in a row. */
  fetchFailures: number;
  online: boolean;
}

export type PlayerEvent =
  | { type: "info"; info: StreamInfo }
  | { type: "fetch-failed" }
  | { type: "playing" }
  | { type: "stall" }
  | { type: "error"; kind: "network" | "media" | "forbidden" | "other" }
  | { type: "offline" }
  | { type: "online" };

export type Effect =
  | { type: "load"; url: string }
  | { type: "stop" }
  | { type: "retry"; delayMs: number; url: string }
  | { type: "recover-media" }
  | { type: "refetch"; delayMs: number };

export const initialPlayerState: PlayerState = {
  phase: "loading", info: null, source: 0, failures: 0, mediaRecoveries: 0, fetchFailures: 0, online: true,
};

/** Failures of one source before the next one (备用线路) is tried. */
export const FAILURES_BEFORE_SWITCH = 3;
export const MAX_MEDIA_RECOVERIES = 2;

/** 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function backoff(attempt: number): number {
  return Math.min(10000, 1000 * 2 ** Math.max(0, attempt - 1));
}

function phaseOf(info: StreamInfo): Phase {
  if (!info.canWatch) return "denied";
  switch (info.state) {
    case "waiting": return "waiting";
    case "live": return info.sources.length ? "live" : "interrupted";
    case "interrupted": return "interrupted";
    default: return "ended";
  }
}

export function reduce(s: PlayerState, e: PlayerEvent): { state: PlayerState; effects: Effect[] } {
  switch (e.type) {
    case "info": {
      const phase = phaseOf(e.info);
      const sameSources = s.info !== null && sameUrls(s.info, e.info);
      const wasPlaying = s.phase === "live" || s.phase === "stalled";
      // A fresh info keeps the source in use (its URL may be newly signed) unless it vanished.
      const source = e.info.sources.length > s.source ? s.source : 0;
      const next: PlayerState = { ...s, info: e.info, phase, source, fetchFailures: 0 };
      if (phase !== "live") return { state: next, effects: wasPlaying ? [{ type: "stop" }] : [] };
      if (!s.online) return { state: { ...next, phase: "stalled" }, effects: [] };
      // Already playing the same URLs: nothing to do (a StreamChanged that only toggled danmaku, say).
      if (wasPlaying && sameSources && s.phase === "live") return { state: next, effects: [] };
      return { state: { ...next, phase: s.phase === "stalled" ? "stalled" : "live" }, effects: [{ type: "load", url: e.info.sources[source].url }] };
    }
    case "fetch-failed": {
      const n = s.fetchFailures + 1;
      return { state: { ...s, fetchFailures: n }, effects: [{ type: "refetch", delayMs: backoff(n) }] };
    }
    case "playing":
      if (s.phase !== "live" && s.phase !== "stalled") return { state: s, effects: [] };
      return { state: { ...s, phase: "live", failures: 0, mediaRecoveries: 0 }, effects: [] };
    case "stall":
      return { state: s.phase === "live" ? { ...s, phase: "stalled" } : s, effects: [] };
    case "offline":
      return { state: { ...s, online: false, phase: s.phase === "live" ? "stalled" : s.phase }, effects: [] };
    case "online": {
      const next = { ...s, online: true, failures: 0 };
      // Back online: ask again (the stream may have ended or moved meanwhile; the URLs may have expired).
      return { state: next, effects: [{ type: "refetch", delayMs: 0 }] };
    }
    case "error": {
      if (s.phase !== "live" && s.phase !== "stalled") return { state: s, effects: [] };
      const stalled = { ...s, phase: "stalled" as Phase };
      if (e.kind === "forbidden") return { state: stalled, effects: [{ type: "refetch", delayMs: 0 }] };
      if (e.kind === "media" && s.mediaRecoveries < MAX_MEDIA_RECOVERIES) {
        return { state: { ...stalled, mediaRecoveries: s.mediaRecoveries + 1 }, effects: [{ type: "recover-media" }] };
      }
      if (!s.online) return { state: stalled, effects: [] }; // the "online" event brings it back
      const failures = s.failures + 1;
      const sources = s.info?.sources ?? [];
      if (failures >= FAILURES_BEFORE_SWITCH && sources.length > 1) {
        const source = (s.source + 1) % sources.length;
        return { state: { ...stalled, source, failures: 0, mediaRecoveries: 0 }, effects: [{ type: "load", url: sources[source].url }] };
      }
      // Every few failures, ask the hub again: the stream may have stopped (then the state says so), or moved.
      if (failures % FAILURES_BEFORE_SWITCH === 0) return { state: { ...stalled, failures }, effects: [{ type: "refetch", delayMs: backoff(failures) }] };
      const url = sources[s.source]?.url;
      if (!url) return { state: { ...stalled, failures }, effects: [{ type: "refetch", delayMs: backoff(failures) }] };
      return { state: { ...stalled, failures }, effects: [{ type: "retry", delayMs: backoff(failures), url }] };
    }
  }
}

/**
 * Whether two infos name the same streams. A signed local URL (/media/{exp}/{sig}/live/…) changes with every fetch;
 * the stream it names does not, and reloading the player for a new signature would only cause a hiccup.
 */
export function sameUrls(a: StreamInfo, b: StreamInfo): boolean {
  const bare = (u: string) => u.replace(/\/media\/\d+\/[^/]+\//, "/media/");
  return a.sources.length === b.sources.length && a.sources.every((s, i) => bare(s.url) === bare(b.sources[i].url));
}

/** Time left until the start, for 未开始: "2天 03:04:05" style parts; null once the start has passed. */
export function countdown(startsAt: string | null, now: number): { days: number; clock: string } | null {
  if (!startsAt) return null;
  const ms = Date.parse(startsAt) - now;
  if (!(ms > 0)) return null;
  const total = Math.ceil(ms / 1000);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { days, clock: h > 0 || days > 0 ? `${pad(h)}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}` };
}

/** The string key of the status line for a phase. */
export function statusKey(phase: Phase): string {
  return {
    loading: "Room.Player.Loading", waiting: "Room.Player.Waiting", live: "Room.Player.Live", interrupted: "Room.Player.Interrupted",
    stalled: "Room.Player.Stalled", ended: "Room.Player.Ended", denied: "Room.Player.Denied",
  }[phase];
}
