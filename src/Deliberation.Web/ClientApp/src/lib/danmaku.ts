// The danmaku layer (弹幕): approved comments flying over the video in lanes, pinned ones in a static top row.
// Scheduling (lanes, no overlap, density) is the pure DanmakuSchedule; this file only draws. Text goes in through
// textContent only, and motion through element.animate (the CSP refuses inline style attributes in markup).
//
//   const dm = new Danmaku(stage, { storageKey: "dlb.danmaku" });   // stage: the positioned box around the <video>
//   dm.add({ id, text, pinned });   // flies (or, pinned, stays in the top row); a known id is not added twice
//   dm.remove(id); dm.clear();      // a removed comment disappears at once, wherever it is
//   dm.setEnabled(false);           // hides and empties the layer (pinned ones come back when enabled)
//   dm.pause(); dm.resume();        // follow the video (replay): flying items stop, and the schedule's clock too
//   bindDanmakuToggle(button, dm, "dlb.danmaku");   // aria-pressed toggle, remembered in localStorage
import { DanmakuSchedule, type ScheduleOptions } from "./danmaku-schedule";

export { DanmakuSchedule, DEFAULT_SCHEDULE, fits, type ScheduleOptions } from "./danmaku-schedule";

export interface DanmakuItem { id: string; text: string; pinned?: boolean }

export interface DanmakuOptions {
  /** Starts enabled unless the stored preference (storageKey) or this says otherwise. Default true. */
  enabled?: boolean;
  /** localStorage key of the viewer's on/off choice; null (default) = not remembered (the big screen). */
  storageKey?: string | null;
  /** Share of the stage's height the flying lanes may use (the bottom stays clear for subtitles/controls). */
  area?: number;
  /** Most pinned comments shown at once (the newest). */
  maxPinned?: number;
  /** Longest text shown; longer ones end with "…". */
  maxChars?: number;
  schedule?: Partial<ScheduleOptions>;
}

/** Shortens a comment for the layer: one line, at most `max` characters (by code point). */
export function danmakuText(text: string, max = 40): string {
  const one = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(one);
  return chars.length <= max ? one : `${chars.slice(0, max - 1).join("")}…`;
}

/** The viewer's stored choice (true/false), or the fallback when none is stored or storage is unavailable. */
export function readPreference(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === "1";
  } catch { return fallback; }
}

export function writePreference(key: string, on: boolean): void {
  try { localStorage.setItem(key, on ? "1" : "0"); } catch { /* private mode: for this page only */ }
}

interface Live { el: HTMLElement; anim: Animation | null; timer: number | null }

export class Danmaku {
  readonly layer: HTMLElement;
  private readonly pins: HTMLElement;
  private readonly schedule: DanmakuSchedule;
  private readonly opts: Required<Omit<DanmakuOptions, "schedule" | "storageKey">> & { storageKey: string | null };
  private readonly waiting = new Map<string, HTMLElement>();
  private readonly flying = new Map<string, Live>();
  private readonly pinned = new Map<string, HTMLElement>();
  private readonly seen = new Set<string>();
  private enabledNow: boolean;
  private paused = false;
  private pausedAt = 0;
  private pausedTotal = 0;
  private wake: number | null = null;
  private laneHeight = 28;
  private resizeObserver: ResizeObserver | null = null;

  constructor(readonly stage: HTMLElement, options: DanmakuOptions = {}) {
    this.opts = {
      enabled: options.enabled ?? true, storageKey: options.storageKey ?? null, area: options.area ?? 0.75,
      maxPinned: options.maxPinned ?? 2, maxChars: options.maxChars ?? 40,
    };
    this.enabledNow = this.opts.storageKey ? readPreference(this.opts.storageKey, this.opts.enabled) : this.opts.enabled;
    this.layer = document.createElement("div");
    this.layer.className = "danmaku";
    this.layer.setAttribute("aria-hidden", "true"); // the comments list is the accessible copy
    this.pins = document.createElement("div");
    this.pins.className = "danmaku-pins";
    this.layer.append(this.pins);
    this.layer.hidden = !this.enabledNow;
    stage.append(this.layer);
    this.schedule = new DanmakuSchedule(stage.clientWidth || 640, 1, options.schedule);
    this.measure();
    if (typeof ResizeObserver !== "undefined") {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(stage);
    }
  }

  get enabled(): boolean { return this.enabledNow; }
  get isPaused(): boolean { return this.paused; }
  /** Flying and waiting counts, for tests and the benchmark. */
  get stats(): { flying: number; waiting: number; pinned: number } {
    return { flying: this.flying.size, waiting: this.waiting.size, pinned: this.pinned.size };
  }

  add(item: DanmakuItem): void {
    if (item.pinned) { this.pin(item); return; }
    if (this.pinned.has(item.id)) this.unpin(item.id);
    if (!this.enabledNow || this.seen.has(item.id)) return;
    this.seen.add(item.id);
    if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value as string);
    const el = document.createElement("div");
    el.className = "danmaku-item";
    el.dataset.id = item.id;
    el.textContent = danmakuText(item.text, this.opts.maxChars);
    // Measured once, off the stage's flow (hidden), then detached until it may enter.
    el.style.visibility = "hidden";
    this.layer.append(el);
    const width = Math.ceil(el.getBoundingClientRect().width) || el.textContent.length * 16;
    el.remove();
    el.style.visibility = "";
    this.waiting.set(item.id, el);
    for (const id of this.schedule.offer(item.id, width, this.now())) this.waiting.delete(id);
    this.pump();
  }

  remove(id: string): void {
    this.schedule.remove(id);
    this.waiting.delete(id);
    this.land(id);
    this.unpin(id);
  }

  /** Empties the layer (flying, waiting and pinned); a replay calls it on a seek. Ids may be added again. */
  clear(): void {
    this.schedule.clear();
    this.waiting.clear();
    for (const id of [...this.flying.keys()]) this.land(id);
    for (const id of [...this.pinned.keys()]) this.unpin(id);
    this.seen.clear();
    this.stopWake();
  }

  setEnabled(on: boolean): void {
    if (on === this.enabledNow) return;
    this.enabledNow = on;
    this.layer.hidden = !on;
    if (this.opts.storageKey) writePreference(this.opts.storageKey, on);
    if (!on) {
      this.schedule.clear();
      this.waiting.clear();
      for (const id of [...this.flying.keys()]) this.land(id);
      this.stopWake();
    }
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.pausedAt = performance.now();
    for (const f of this.flying.values()) f.anim?.pause();
    this.stopWake();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.pausedTotal += performance.now() - this.pausedAt;
    for (const f of this.flying.values()) f.anim?.play();
    this.pump();
  }

  destroy(): void {
    this.clear();
    this.resizeObserver?.disconnect();
    this.layer.remove();
  }

  /** The schedule's clock: milliseconds that stand still while paused. */
  private now(): number {
    return (this.paused ? this.pausedAt : performance.now()) - this.pausedTotal;
  }

  private measure(): void {
    const px = parseFloat(getComputedStyle(this.layer).fontSize) || 18;
    this.laneHeight = Math.round(px * 1.5);
    const height = this.stage.clientHeight * this.opts.area - this.pins.offsetHeight;
    this.schedule.resize(this.stage.clientWidth || 640, Math.max(1, Math.floor(height / this.laneHeight)));
  }

  private pump(): void {
    if (this.paused || !this.enabledNow) return;
    this.stopWake();
    const now = this.now();
    const { launch, dropped } = this.schedule.tick(now);
    dropped.forEach((id) => this.waiting.delete(id));
    const top = this.pins.offsetHeight;
    for (const l of launch) {
      const el = this.waiting.get(l.id);
      this.waiting.delete(l.id);
      if (!el) { this.schedule.land(l.id); continue; }
      this.fly(l.id, el, top + l.lane * this.laneHeight, l.width);
    }
    const next = this.schedule.nextWake(now);
    if (next !== null) this.wake = window.setTimeout(() => { this.wake = null; this.pump(); }, next);
  }

  private fly(id: string, el: HTMLElement, top: number, width: number): void {
    const from = this.schedule.width;
    const duration = this.schedule.opts.durationMs;
    el.style.top = `${top}px`;
    el.style.transform = `translateX(${from}px)`;
    this.layer.append(el);
    const live: Live = { el, anim: null, timer: null };
    if (typeof el.animate === "function") {
      live.anim = el.animate([{ transform: `translateX(${from}px)` }, { transform: `translateX(${-width}px)` }],
        { duration, easing: "linear", fill: "forwards" });
      live.anim.onfinish = () => this.land(id);
    } else {
      live.timer = window.setTimeout(() => this.land(id), duration);
    }
    this.flying.set(id, live);
  }

  private land(id: string): void {
    const f = this.flying.get(id);
    if (!f) return;
    this.flying.delete(id);
    this.schedule.land(id);
    f.anim?.cancel();
    if (f.timer !== null) window.clearTimeout(f.timer);
    f.el.remove();
  }

  private pin(item: DanmakuItem): void {
    this.schedule.remove(item.id);
    this.waiting.delete(item.id);
    this.land(item.id);
    this.seen.add(item.id);
    let el = this.pinned.get(item.id);
    if (!el) {
      el = document.createElement("div");
      el.className = "danmaku-pinned";
      el.dataset.id = item.id;
      this.pinned.set(item.id, el);
    }
    el.textContent = danmakuText(item.text, this.opts.maxChars);
    this.pins.prepend(el);
    // The newest stay; older pinned ones leave the row (they are still pinned in the comments list).
    while (this.pins.children.length > this.opts.maxPinned) {
      const old = this.pins.lastElementChild as HTMLElement;
      this.pinned.delete(old.dataset.id ?? "");
      old.remove();
    }
    this.measure();
  }

  private unpin(id: string): void {
    const el = this.pinned.get(id);
    if (!el) return;
    this.pinned.delete(id);
    el.remove();
    this.measure();
  }

  private stopWake(): void {
    if (this.wake !== null) window.clearTimeout(this.wake);
    this.wake = null;
  }
}

/** Wires a `[data-bind=danmaku-toggle]` button (aria-pressed) to the layer; the choice is kept under `storageKey`. */
export function bindDanmakuToggle(button: HTMLElement, dm: Danmaku, storageKey: string | null = null): void {
  const sync = () => button.setAttribute("aria-pressed", String(dm.enabled));
  sync();
  button.addEventListener("click", () => {
    dm.setEnabled(!dm.enabled);
    if (storageKey) writePreference(storageKey, dm.enabled);
    sync();
  });
}
