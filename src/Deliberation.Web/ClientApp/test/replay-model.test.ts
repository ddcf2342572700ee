import { describe, expect, it } from "vitest";
import {
  AHEAD_MS, CommentWindows, currentMoment, due, isJump, KEEP_WINDOWS, listAt, matchParts, playheadMs, sortParts, WINDOW_MS, windowStart, windowsFor,
  type CommentPage, type ReplayComment,
} from "../src/pages/replay/model";

const T0 = Date.parse("2026-05-12T02:00:00Z");
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
const part = (start: number, url = `/media/x/${start}.mp4`) => ({ url, startedAt: iso(start), endedAt: null });
const comment = (id: string, s: number): ReplayComment => ({ id, authorName: "甲", tier: "Public", text: id, pinned: false, at: iso(s) });

describe("parts", () => {
  it("play in order of start", () => {
    expect(sortParts([part(100), part(0)]).map((p) => p.startedAt)).toEqual([iso(0), iso(100)]);
  });

  it("are matched to recordings by start (within 2 s), whatever the order", () => {
    const recordings = [{ index: 0, startedAt: iso(0) }, { index: 1, startedAt: iso(120) }];
    expect(matchParts(recordings, sortParts([part(121), part(0.5)]))).toEqual([0, 1]);
  });

  it("fall back to position when the counts agree, else are missing", () => {
    const recordings = [{ index: 0, startedAt: iso(0) }, { index: 1, startedAt: iso(120) }];
    expect(matchParts(recordings, [part(30), part(200)])).toEqual([0, 1]);
    expect(matchParts(recordings, [part(0)])).toEqual([0, null]); // the second not remuxed yet
    expect(matchParts(recordings, [])).toEqual([null, null]);
  });

  it("give the playhead on the session clock", () => {
    const parts = [part(0), part(120)];
    expect(playheadMs(parts, 1, 30)).toBe(T0 + 150_000);
    expect(playheadMs(parts, 0, -1)).toBe(T0);
    expect(playheadMs(parts, 2, 0)).toBeNull();
  });
});

describe("current moment", () => {
  const moments = [{ part: 0, offset: 0 }, { part: 0, offset: 60 }, null, { part: 1, offset: 0 }, { part: 1, offset: 30 }];

  it("is the last moment at or before the playhead", () => {
    expect(currentMoment(moments, { part: 0, offset: 59 })).toBe(0);
    expect(currentMoment(moments, { part: 0, offset: 60 })).toBe(1);
    expect(currentMoment(moments, { part: 0, offset: 500 })).toBe(1);
    expect(currentMoment(moments, { part: 1, offset: 10 })).toBe(3);
    expect(currentMoment(moments, { part: 1, offset: 31 })).toBe(4);
  });

  it("is the one just seeked to, with a little slack", () => {
    expect(currentMoment(moments, { part: 0, offset: 59.9 })).toBe(1);
  });

  it("is none before the first, and never a moment outside the video", () => {
    expect(currentMoment([{ part: 0, offset: 10 }], { part: 0, offset: 5 })).toBe(-1);
    expect(currentMoment([null, null], { part: 3, offset: 5 })).toBe(-1);
  });

  it("takes the later of moments at the same place", () => {
    expect(currentMoment([{ part: 0, offset: 5 }, { part: 0, offset: 5 }], { part: 0, offset: 6 })).toBe(1);
  });
});

describe("playhead moves", () => {
  it("are jumps when seeking, not when playing", () => {
    expect(isJump(null, T0)).toBe(true);
    expect(isJump(T0, T0 + 250)).toBe(false);
    expect(isJump(T0, T0 + 2900)).toBe(false);
    expect(isJump(T0, T0 + 5000)).toBe(true);
    expect(isJump(T0, T0 - 1000)).toBe(true);
  });
});

describe("comment windows", () => {
  it("are aligned minutes: its own, the one before, and the next when near", () => {
    const start = windowStart(T0 + 10_000);
    expect(start % WINDOW_MS).toBe(0);
    expect(windowsFor(start + 10_000)).toEqual([start, start - WINDOW_MS]);
    expect(windowsFor(start + WINDOW_MS - AHEAD_MS)).toEqual([start, start - WINDOW_MS, start + WINDOW_MS]);
  });

  it("due comments are those passed while playing, once", () => {
    const cs = [comment("a", 1), comment("b", 2), comment("c", 3)];
    expect(due(cs, T0 + 1000, T0 + 2000).map((c) => c.id)).toEqual(["b"]);
    expect(due(cs, T0 + 2000, T0 + 3500).map((c) => c.id)).toEqual(["c"]);
  });

  it("the list shows the latest before the playhead, newest first, capped", () => {
    const cs = [comment("a", 1), comment("b", 2), comment("c", 3)];
    expect(listAt(cs, T0 + 2500).map((c) => c.id)).toEqual(["b", "a"]);
    expect(listAt(cs, T0 + 9000, 2).map((c) => c.id)).toEqual(["c", "b"]);
    expect(listAt(cs, T0)).toEqual([]);
  });

  it("read each window once, follow a cut-short page, and drop far windows", async () => {
    const calls: [string, string][] = [];
    const base = windowStart(T0);
    const store = new CommentWindows(async (from, to): Promise<CommentPage> => {
      calls.push([from, to]);
      const f = Date.parse(from);
      if (f === base) return { items: [comment("a", 1), comment("b", 2)], more: true, next: iso(2) };
      if (f === T0 + 2000) return { items: [comment("b", 2), comment("c", 3)], more: false };
      return { items: [], more: false };
    });
    const at = base + 5000;
    await Promise.all([store.ensure(at), store.ensure(at)]);
    expect(calls.filter(([f]) => Date.parse(f) === base)).toHaveLength(1);
    expect(calls).toContainEqual([iso(2), new Date(base + WINDOW_MS).toISOString()]);
    expect(store.around(at).map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(await store.ensure(at)).toBe(false);
    for (let m = 1; m <= 20; m++) await store.ensure(base + m * WINDOW_MS + 1000);
    expect(store.held.length).toBeLessThanOrEqual(KEEP_WINDOWS);
    expect(store.held).not.toContain(base);
  });

  it("a failed read is tried again later", async () => {
    let fail = true;
    const store = new CommentWindows(async () => { if (fail) throw new Error("down"); return { items: [comment("a", 1)], more: false }; });
    await store.ensure(T0 + 1000);
    expect(store.around(T0 + 1000)).toEqual([]);
    fail = false;
    await store.ensure(T0 + 1000);
    expect(store.around(T0 + 1000).map((c) => c.id)).toEqual(["a"]);
  });
});
