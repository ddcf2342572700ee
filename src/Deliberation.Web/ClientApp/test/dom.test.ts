import { describe, expect, it, vi } from "vitest";
import { time } from "../src/lib/dom";

describe("time", () => {
  it("formats hours and minutes with one formatter for the page", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    const a = time("2026-12-02T09:05:00Z");
    time("2026-12-02T10:30:00Z");
    expect(a).toMatch(/\d{1,2}:\d{2}/);
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
