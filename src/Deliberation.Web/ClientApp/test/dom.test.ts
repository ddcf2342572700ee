import { afterEach, describe, expect, it, vi } from "vitest";
import { perFrame, time } from "../src/lib/dom";

describe("time", () => {
  it("formats hours and minutes with one formatter for the page", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    const a = time("2026-12-02T09:05:00Z");
    time("2026-12-02T10:30:00Z");
    expect(a).toMatch(/\d{1,2}:\d{2}/);
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe("perFrame", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws once per frame with everything scheduled before it", () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal("requestAnimationFrame", (fn: () => void) => frames.push(fn));
    const drawn: string[][] = [];
    const schedule = perFrame<string>((what) => drawn.push([...what].sort()));
    schedule(["comments"]);
    schedule(new Set(["questions", "comments"]));
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(drawn).toEqual([["comments", "questions"]]);
    schedule(["polls"]);
    frames.shift()!();
    expect(drawn).toEqual([["comments", "questions"], ["polls"]]);
  });
});
