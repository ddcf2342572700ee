import { describe, expect, it, vi } from "vitest";
import { time } from "../src/lib/dom";

describe("time", () => {
  it("formats hours and minutes with one formatter for the page", () => {
    const made = vi.spyOn(Intl, "DateTimeFormat");
    const a = time("2026-12-02T09:05:00Z");
    time("2026-12-02T10:30:00Z");
    // 24-hour China time, as the server-rendered pages write it, whatever the browser's zone and locale.
    expect(a).toBe("17:05");
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
