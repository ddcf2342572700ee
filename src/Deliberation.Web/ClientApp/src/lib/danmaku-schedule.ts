// The pure part of the danmaku layer (弹幕): which lane an item flies in and when, and what is dropped.
// No DOM and no clock: the caller passes widths in px and the time in ms (a clock that stops while the video pauses).
//
// Every flying item crosses the stage in the same time (`durationMs`), from its head at the right edge to its tail past
// the left edge, so a longer item moves faster. An item enters a lane only when
//   1. the lane's last item is fully in, with a gap behind it (its tail has moved `gapPx` past the right edge), and
//   2. it will not catch that item: its head reaches the left edge no earlier than the last item's tail leaves it.
// Density: at most `maxOnScreen` flying at once and `maxPerSecond` entering in any second; what cannot enter waits in
// a short queue — at most `maxQueue` items and `maxWaitMs` each — and the oldest is dropped first, never queued forever.

export interface ScheduleOptions {
  durationMs: number;
  gapPx: number;
  maxOnScreen: number;
  maxPerSecond: number;
  maxQueue: number;
  maxWaitMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  durationMs: 8000, gapPx: 24, maxOnScreen: 30, maxPerSecond: 6, maxQueue: 12, maxWaitMs: 4000,
};

export interface Launch { id: string; lane: number; width: number; at: number }
interface Flying extends Launch { speed: number }
interface Waiting { id: string; width: number; since: number }

export interface TickResult { launch: Launch[]; dropped: string[] }

export class DanmakuSchedule {
  readonly opts: ScheduleOptions;
  private stageWidth: number;
  private laneCount: number;
  private lanes: (Flying | null)[] = [];
  private flying = new Map<string, Flying>();
  private queue: Waiting[] = [];
  private entered: number[] = [];

  constructor(stageWidth: number, lanes: number, opts: Partial<ScheduleOptions> = {}) {
    this.opts = { ...DEFAULT_SCHEDULE, ...opts };
    this.stageWidth = Math.max(1, stageWidth);
    this.laneCount = Math.max(1, Math.floor(lanes));
  }

  get width(): number { return this.stageWidth; }
  get laneTotal(): number { return this.laneCount; }
  get onScreen(): number { return this.flying.size; }
  get waiting(): number { return this.queue.length; }

  /** The stage changed size: items already flying keep their path; lanes beyond the new count are no longer used. */
  resize(stageWidth: number, lanes: number): void {
    this.stageWidth = Math.max(1, stageWidth);
    this.laneCount = Math.max(1, Math.floor(lanes));
  }

  /** Queues an item; returns the ids dropped to make room (the oldest waiting first). */
  offer(id: string, width: number, now: number): string[] {
    if (this.flying.has(id) || this.queue.some((w) => w.id === id)) return [];
    const dropped: string[] = [];
    this.queue.push({ id, width: Math.max(1, width), since: now });
    while (this.queue.length > this.opts.maxQueue) dropped.push(this.queue.shift()!.id);
    return dropped;
  }

  /** Moves time on: finished items leave, stale waiting ones are dropped, and as many as fit enter, oldest first. */
  tick(now: number): TickResult {
    for (const f of this.flying.values()) if (now >= f.at + this.opts.durationMs) this.land(f.id);
    this.entered = this.entered.filter((t) => now - t < 1000);
    const dropped: string[] = [];
    while (this.queue.length && now - this.queue[0].since > this.opts.maxWaitMs) dropped.push(this.queue.shift()!.id);
    const launch: Launch[] = [];
    while (this.queue.length && this.flying.size < this.opts.maxOnScreen && this.entered.length < this.opts.maxPerSecond) {
      const next = this.queue[0];
      const lane = this.freeLane(next.width, now);
      if (lane < 0) break;
      this.queue.shift();
      const f: Flying = { id: next.id, lane, width: next.width, at: now, speed: (this.stageWidth + next.width) / this.opts.durationMs };
      this.lanes[lane] = f;
      this.flying.set(f.id, f);
      this.entered.push(now);
      launch.push({ id: f.id, lane, width: f.width, at: now });
    }
    return { launch, dropped };
  }

  /** When the next tick could launch something (ms from now), or null when nothing waits. */
  nextWake(now: number): number | null {
    if (!this.queue.length) return null;
    let soonest = Infinity;
    if (this.entered.length >= this.opts.maxPerSecond) soonest = Math.min(soonest, this.entered[0] + 1000 - now);
    for (const f of this.flying.values()) soonest = Math.min(soonest, f.at + this.opts.durationMs - now);
    // A lane frees as its last item moves on; 50 ms steps are fine-grained enough to look continuous.
    return Math.max(16, Math.min(soonest, 50));
  }

  /** The item left the stage (its animation finished) or was removed. */
  land(id: string): void {
    const f = this.flying.get(id);
    if (f) {
      this.flying.delete(id);
      if (this.lanes[f.lane] === f) this.lanes[f.lane] = null;
    }
  }

  /** Removes an item wherever it is (waiting or flying); true when it was known. */
  remove(id: string): boolean {
    const i = this.queue.findIndex((w) => w.id === id);
    if (i >= 0) { this.queue.splice(i, 1); return true; }
    if (!this.flying.has(id)) return false;
    this.land(id);
    return true;
  }

  clear(): void {
    this.queue = [];
    this.flying.clear();
    this.lanes = [];
    this.entered = [];
  }

  /** The first lane (from the top) the item may enter now, or -1. */
  freeLane(width: number, now: number): number {
    const speed = (this.stageWidth + width) / this.opts.durationMs;
    for (let lane = 0; lane < this.laneCount; lane++) {
      const last = this.lanes[lane];
      if (!last || now >= last.at + this.opts.durationMs) return lane;
      if (fits(last, speed, this.stageWidth, this.opts, now)) return lane;
    }
    return -1;
  }
}

/** Whether an item moving at `speed` may enter behind `last` at `now` without overlapping it. */
export function fits(last: Launch & { speed: number }, speed: number, stageWidth: number, opts: Pick<ScheduleOptions, "durationMs" | "gapPx">, now: number): boolean {
  const travelled = (now - last.at) * last.speed;
  if (travelled < last.width + opts.gapPx) return false; // not fully in yet, with the gap
  // If it is faster, the distance shrinks until the last item's tail leaves the left edge (at last.at + duration);
  // by then the new head must still be `gapPx` from the edge.
  const headAtGap = now + (stageWidth - opts.gapPx) / speed;
  const tailGone = last.at + opts.durationMs;
  return headAtGap >= tailGone;
}
