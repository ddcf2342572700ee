import { describe, expect, it } from "vitest";
import { backoff, countdown, type Effect, FAILURES_BEFORE_SWITCH, initialPlayerState, type PlayerEvent, type PlayerState, reduce, statusKey, type StreamInfo } from "../src/lib/player-state";

function info(over: Partial<StreamInfo> = {}): StreamInfo {
  return {
    state: "live", sessionStatus: "Live", startsAt: "2026-12-02T09:00:00Z", canWatch: true, reason: null, reasonText: null,
    sources: [{ url: "/media/1/a/live/x/index.m3u8", label: "主线路" }, { url: "https://backup/x.m3u8", label: "备用线路" }],
    expiresAt: null, replay: { available: false, parts: [] }, danmakuOnScreen: false, conferenceUrl: null, ...over,
  };
}

function run(events: PlayerEvent[], from: PlayerState = initialPlayerState): { state: PlayerState; effects: Effect[] } {
  let s = from;
  let effects: Effect[] = [];
  for (const e of events) ({ state: s, effects } = reduce(s, e));
  return { state: s, effects };
}

describe("player state", () => {
  it("maps the stream info to a phase", () => {
    expect(run([{ type: "info", info: info({ state: "waiting", sources: [] }) }]).state.phase).toBe("waiting");
    expect(run([{ type: "info", info: info({ state: "interrupted" }) }]).state.phase).toBe("interrupted");
    expect(run([{ type: "info", info: info({ state: "ended" }) }]).state.phase).toBe("ended");
    const denied = run([{ type: "info", info: info({ canWatch: false, reason: "registered", reasonText: "仅限报名参会人员观看", sources: [] }) }]);
    expect(denied.state.phase).toBe("denied");
    expect(denied.effects).toEqual([]);
  });

  it("loads the first source when live, and stops when the stream ends", () => {
    const live = run([{ type: "info", info: info() }]);
    expect(live.state.phase).toBe("live");
    expect(live.effects).toEqual([{ type: "load", url: "/media/1/a/live/x/index.m3u8" }]);
    const ended = reduce(live.state, { type: "info", info: info({ state: "ended", sources: [] }) });
    expect(ended.state.phase).toBe("ended");
    expect(ended.effects).toEqual([{ type: "stop" }]);
  });

  it("does nothing on a refetch that changed no URL while playing (a danmaku toggle, say)", () => {
    const live = run([{ type: "info", info: info() }, { type: "playing" }]);
    expect(reduce(live.state, { type: "info", info: info({ danmakuOnScreen: true }) }).effects).toEqual([]);
  });

  it("keeps playing when only the signature of a URL changed", () => {
    const live = run([{ type: "info", info: info({ sources: [{ url: "/media/100/abc/live/x/index.m3u8", label: "主线路" }] }) }, { type: "playing" }]);
    const again = reduce(live.state, { type: "info", info: info({ sources: [{ url: "/media/160/xyz/live/x/index.m3u8", label: "主线路" }] }) });
    expect(again.effects).toEqual([]);
    // …and a retry later uses the fresh one.
    const retry = reduce(again.state, { type: "error", kind: "network" });
    expect(retry.effects).toEqual([{ type: "retry", delayMs: 1000, url: "/media/160/xyz/live/x/index.m3u8" }]);
  });

  it("reloads the freshly signed URL after a 403", () => {
    const live = run([{ type: "info", info: info() }, { type: "playing" }]);
    const denied = reduce(live.state, { type: "error", kind: "forbidden" });
    expect(denied.state.phase).toBe("stalled");
    expect(denied.effects).toEqual([{ type: "refetch", delayMs: 0 }]);
    const fresh = reduce(denied.state, { type: "info", info: info({ sources: [{ url: "/media/2/b/live/x/index.m3u8", label: "主线路" }] }) });
    expect(fresh.effects).toEqual([{ type: "load", url: "/media/2/b/live/x/index.m3u8" }]);
    expect(reduce(fresh.state, { type: "playing" }).state.phase).toBe("live");
  });

  it("retries network errors with growing waits, then switches to the backup source", () => {
    let { state } = run([{ type: "info", info: info() }, { type: "playing" }]);
    const delays: number[] = [];
    for (let i = 1; i < FAILURES_BEFORE_SWITCH; i++) {
      const r = reduce(state, { type: "error", kind: "network" });
      state = r.state;
      expect(r.effects[0].type).toBe("retry");
      delays.push((r.effects[0] as { delayMs: number }).delayMs);
    }
    expect(delays).toEqual([1000, 2000]);
    const r = reduce(state, { type: "error", kind: "network" });
    expect(r.effects).toEqual([{ type: "load", url: "https://backup/x.m3u8" }]);
    expect(r.state.source).toBe(1);
    expect(r.state.phase).toBe("stalled");
    // A refetch keeps the backup in use.
    expect(reduce(r.state, { type: "info", info: info() }).effects).toEqual([{ type: "load", url: "https://backup/x.m3u8" }]);
  });

  it("with one source, asks the hub again every few failures instead of switching", () => {
    let { state } = run([{ type: "info", info: info({ sources: [{ url: "/a.m3u8", label: "主线路" }] }) }]);
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = reduce(state, { type: "error", kind: "network" });
      state = r.state;
      kinds.push(r.effects[0].type);
    }
    expect(kinds).toEqual(["retry", "retry", "refetch", "retry", "retry", "refetch"]);
  });

  it("recovers media errors twice, then reloads", () => {
    let { state } = run([{ type: "info", info: info() }, { type: "playing" }]);
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = reduce(state, { type: "error", kind: "media" });
      state = r.state;
      kinds.push(r.effects[0].type);
    }
    expect(kinds).toEqual(["recover-media", "recover-media", "retry"]);
    expect(reduce(state, { type: "playing" }).state).toMatchObject({ phase: "live", failures: 0, mediaRecoveries: 0 });
  });

  it("waits for the network when offline and asks again when back", () => {
    let { state } = run([{ type: "info", info: info() }, { type: "playing" }, { type: "offline" }]);
    expect(state.phase).toBe("stalled");
    const err = reduce(state, { type: "error", kind: "network" });
    expect(err.effects).toEqual([]);
    state = err.state;
    const back = reduce(state, { type: "online" });
    expect(back.effects).toEqual([{ type: "refetch", delayMs: 0 }]);
    expect(back.state.online).toBe(true);
  });

  it("ignores player errors when nothing is playing, and a stall only matters while live", () => {
    const waiting = run([{ type: "info", info: info({ state: "waiting", sources: [] }) }]).state;
    expect(reduce(waiting, { type: "error", kind: "network" }).effects).toEqual([]);
    expect(reduce(waiting, { type: "stall" }).state.phase).toBe("waiting");
    const live = run([{ type: "info", info: info() }]).state;
    expect(reduce(live, { type: "stall" }).state.phase).toBe("stalled");
  });

  it("backs off the stream info fetch, and resets after a success", () => {
    const a = run([{ type: "fetch-failed" }, { type: "fetch-failed" }]);
    expect(a.effects).toEqual([{ type: "refetch", delayMs: 2000 }]);
    expect(a.state.phase).toBe("loading");
    expect(reduce(a.state, { type: "info", info: info() }).state.fetchFailures).toBe(0);
    expect([1, 2, 3, 4, 5, 9].map(backoff)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it("a live stream without sources reads as interrupted", () => {
    expect(run([{ type: "info", info: info({ sources: [] }) }]).state.phase).toBe("interrupted");
  });

  it("counts down to the start", () => {
    const now = Date.parse("2026-12-02T08:58:30Z");
    expect(countdown("2026-12-02T09:00:00Z", now)).toEqual({ days: 0, clock: "01:30" });
    expect(countdown("2026-12-02T11:00:00Z", now)?.clock).toBe("02:01:30");
    expect(countdown("2026-12-04T09:00:00Z", now)).toEqual({ days: 2, clock: "00:01:30" });
    expect(countdown("2026-12-02T08:00:00Z", now)).toBeNull();
    expect(countdown(null, now)).toBeNull();
    expect(statusKey("stalled")).toBe("Room.Player.Stalled");
  });
});
