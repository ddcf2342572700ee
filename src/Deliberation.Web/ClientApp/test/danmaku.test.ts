import { describe, expect, it } from "vitest";
import { DanmakuSchedule, fits } from "../src/lib/danmaku-schedule";
import { danmakuText } from "../src/lib/danmaku";

const W = 1000;
const opts = { durationMs: 8000, gapPx: 20, maxOnScreen: 30, maxPerSecond: 100, maxQueue: 50, maxWaitMs: 4000 };

/** Head (left) and tail (right) of a launched item at time t. */
function span(l: { at: number; width: number }, t: number): [number, number] {
  const v = (W + l.width) / opts.durationMs;
  const head = W - v * (t - l.at);
  return [head, head + l.width];
}

describe("DanmakuSchedule", () => {
  it("puts simultaneous items in different lanes, from the top", () => {
    const s = new DanmakuSchedule(W, 4, opts);
    ["a", "b", "c"].forEach((id) => s.offer(id, 100, 0));
    const { launch } = s.tick(0);
    expect(launch.map((l) => l.lane)).toEqual([0, 1, 2]);
  });

  it("lets an item into a lane only once the last one is fully in, with the gap", () => {
    const s = new DanmakuSchedule(W, 1, opts);
    s.offer("a", 200, 0);
    s.tick(0);
    s.offer("b", 200, 0);
    // a moves (1200/8000) px/ms: fully in plus 20 px after 1467 ms.
    expect(s.tick(1400).launch).toEqual([]);
    expect(s.tick(1500).launch.map((l) => l.id)).toEqual(["b"]);
  });

  it("never lets a faster (longer) item catch the one ahead", () => {
    const s = new DanmakuSchedule(W, 1, opts);
    s.offer("short", 50, 0);
    s.tick(0);
    s.offer("long", 600, 0);
    let launched: { at: number; width: number } | undefined;
    for (let t = 0; t <= 9000 && !launched; t += 10) launched = s.tick(t).launch[0];
    expect(launched).toBeDefined();
    const first = { at: 0, width: 50 };
    for (let t = launched!.at; t <= 8000; t += 5) {
      const [, tailA] = span(first, t);
      const [headB] = span(launched!, t);
      if (tailA > 0) expect(headB).toBeGreaterThanOrEqual(tailA + opts.gapPx - 0.5);
    }
  });

  it("no two items in one lane ever overlap, under random load", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const s = new DanmakuSchedule(W, 5, { ...opts, maxPerSecond: 8 });
    const launched: { id: string; lane: number; at: number; width: number }[] = [];
    for (let t = 0; t < 60000; t += 50) {
      if (rnd() < 0.4) s.offer(`i${t}`, 40 + Math.floor(rnd() * 500), t);
      launched.push(...s.tick(t).launch);
    }
    expect(launched.length).toBeGreaterThan(100);
    for (let t = 0; t < 60000; t += 60) {
      const on = launched.filter((l) => t >= l.at && t < l.at + opts.durationMs);
      for (const a of on) for (const b of on) {
        if (a === b || a.lane !== b.lane || a.at > b.at) continue;
        const [, tailA] = span(a, t);
        const [headB] = span(b, t);
        if (tailA > 0 && headB < W) expect(headB).toBeGreaterThan(tailA);
      }
    }
  });

  it("keeps at most maxPerSecond entering in any second", () => {
    const s = new DanmakuSchedule(W, 20, { ...opts, maxPerSecond: 3 });
    for (let i = 0; i < 10; i++) s.offer(`i${i}`, 50, 0);
    expect(s.tick(0).launch).toHaveLength(3);
    expect(s.tick(500).launch).toHaveLength(0);
    expect(s.tick(1000).launch).toHaveLength(3);
  });

  it("keeps at most maxOnScreen flying", () => {
    const s = new DanmakuSchedule(W, 20, { ...opts, maxOnScreen: 4 });
    for (let i = 0; i < 10; i++) s.offer(`i${i}`, 50, 0);
    expect(s.tick(0).launch).toHaveLength(4);
    expect(s.onScreen).toBe(4);
    s.land("i0");
    expect(s.tick(10).launch.map((l) => l.id)).toEqual(["i4"]);
  });

  it("drops the oldest waiting item when the queue is full, and stale ones after maxWaitMs", () => {
    const s = new DanmakuSchedule(W, 1, { ...opts, maxQueue: 2, maxPerSecond: 1 });
    s.offer("a", 50, 0);
    s.tick(0); // a flies; the per-second budget is spent
    expect(s.offer("b", 50, 10)).toEqual([]);
    expect(s.offer("c", 50, 20)).toEqual([]);
    expect(s.offer("d", 50, 30)).toEqual(["b"]);
    expect(s.waiting).toBe(2);
    // Blocked for longer than maxWaitMs: dropped, oldest first, not kept forever.
    const s2 = new DanmakuSchedule(W, 1, { ...opts, maxOnScreen: 1 });
    s2.offer("x", 50, 0);
    s2.tick(0);
    s2.offer("y", 50, 0);
    expect(s2.tick(4001).dropped).toEqual(["y"]);
    expect(s2.waiting).toBe(0);
  });

  it("frees the lane when its item is removed, and forgets removed waiting items", () => {
    const s = new DanmakuSchedule(W, 1, opts);
    s.offer("a", 300, 0);
    s.tick(0);
    s.offer("b", 300, 0);
    expect(s.tick(10).launch).toEqual([]);
    expect(s.remove("a")).toBe(true);
    expect(s.tick(20).launch.map((l) => l.id)).toEqual(["b"]);
    s.offer("c", 300, 20);
    expect(s.remove("c")).toBe(true);
    expect(s.waiting).toBe(0);
    expect(s.remove("zzz")).toBe(false);
  });

  it("ignores an id it already holds", () => {
    const s = new DanmakuSchedule(W, 3, opts);
    s.offer("a", 50, 0);
    s.offer("a", 50, 0);
    expect(s.tick(0).launch).toHaveLength(1);
    s.offer("a", 50, 1);
    expect(s.waiting).toBe(0);
  });

  it("stands still while no time passes (a paused clock) and says when to look again", () => {
    const s = new DanmakuSchedule(W, 1, opts);
    s.offer("a", 100, 0);
    s.tick(0);
    s.offer("b", 100, 0);
    expect(s.tick(0).launch).toEqual([]);
    expect(s.nextWake(0)).toBeGreaterThan(0);
    s.clear();
    expect(s.nextWake(0)).toBeNull();
  });

  it("fits: a slower item may follow closely, a faster one must wait", () => {
    const last = { id: "a", lane: 0, at: 0, width: 100, speed: 1100 / 8000 };
    expect(fits(last, 1050 / 8000, W, opts, 1000)).toBe(true);
    expect(fits(last, 1800 / 8000, W, opts, 1000)).toBe(false);
  });
});

describe("danmakuText", () => {
  it("keeps one line and cuts long text by code point", () => {
    expect(danmakuText("  你好\n世界 ")).toBe("你好 世界");
    expect(danmakuText("一二三四五六", 4)).toBe("一二三…");
    expect(danmakuText("😀😀😀😀😀", 3)).toBe("😀😀…");
    expect(danmakuText("<b>x</b>")).toBe("<b>x</b>");
  });
});
