// The replay page's pure parts: which part plays a recording, where a moment is, which moment is current, and the
// comment windows read around the playhead (never the whole session at once). No DOM here: unit-tested.

/** A playable part of the recording as the stream API gives it (`replay.parts`; URLs signed and expiring). */
export interface Part { url: string; startedAt: string; endedAt?: string | null; ready?: boolean }

/** A recording as the page's timeline knows it (its moments point at these by index). */
export interface Recording { index: number; startedAt: string; endedAt?: string | null }

/** Where a moment is in the video: the part it plays in and the offset in seconds from that part's start. */
export interface Position { part: number; offset: number }

/** A replayed comment (approved only: the server never sends others). */
export interface ReplayComment { id: string; authorName: string; tier: string; sector?: string | null; text: string; pinned: boolean; at: string }

/** One window as the comments endpoint answers it. */
export interface CommentPage { items: ReplayComment[]; more: boolean; next?: string | null }

/** Comments are read in windows of this length, aligned to whole minutes. */
export const WINDOW_MS = 60_000;
/** The next window is read this long before the playhead reaches it. */
export const AHEAD_MS = 15_000;
/** Windows kept in memory (the nearest to the playhead). */
export const KEEP_WINDOWS = 8;
/** Most comments the list shows. */
export const LIST_MAX = 50;

/** The parts in playing order (by start). */
export function sortParts(parts: Part[]): Part[] {
  return [...parts].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/**
 * For each recording index, the part (index into the sorted parts) that plays it: the part that started within 2 s
 * of the recording, else the part at the same position when the counts agree, else null (not available yet).
 */
export function matchParts(recordings: Recording[], parts: Part[]): (number | null)[] {
  const starts = parts.map((p) => Date.parse(p.startedAt));
  return recordings.map((r) => {
    const at = Date.parse(r.startedAt);
    let best = -1;
    starts.forEach((s, i) => { if (Math.abs(s - at) <= 2000 && (best < 0 || Math.abs(s - at) < Math.abs(starts[best] - at))) best = i; });
    if (best >= 0) return best;
    return recordings.length === parts.length && r.index < parts.length ? r.index : null;
  });
}

/** Orders two positions: negative when a comes first. */
export function compare(a: Position, b: Position): number {
  return a.part !== b.part ? a.part - b.part : a.offset - b.offset;
}

/**
 * The current moment at the playhead: the last moment whose position is at or before it (a quarter second of slack,
 * so a moment just seeked to is current at once). -1 before the first. Moments not in the video (null) never are.
 */
export function currentMoment(moments: (Position | null)[], at: Position): number {
  let current = -1;
  const probe = { part: at.part, offset: at.offset + 0.25 };
  moments.forEach((m, i) => {
    if (m && compare(m, probe) <= 0 && (current < 0 || compare(m, moments[current]!) >= 0)) current = i;
  });
  return current;
}

/** The playhead on the session clock (ms since the epoch): the part's start plus the video time. */
export function playheadMs(parts: Part[], part: number, seconds: number): number | null {
  const p = parts[part];
  if (!p) return null;
  const start = Date.parse(p.startedAt);
  return Number.isNaN(start) ? null : start + Math.max(0, seconds) * 1000;
}

/** Whether the playhead moved by a seek (back, or more than 3 s ahead) rather than by playing. */
export function isJump(previousMs: number | null, nextMs: number): boolean {
  return previousMs === null || nextMs < previousMs - 250 || nextMs - previousMs > 3000;
}

/** The start of the window holding `ms`. */
export function windowStart(ms: number): number {
  return Math.floor(ms / WINDOW_MS) * WINDOW_MS;
}

/** The windows to read for a playhead: its own, the one before (the list shows what came just before), the next when near. */
export function windowsFor(ms: number): number[] {
  const own = windowStart(ms);
  const list = [own, own - WINDOW_MS];
  if (own + WINDOW_MS - ms <= AHEAD_MS) list.push(own + WINDOW_MS);
  return list;
}

/** Comments that became due while the video played from `fromMs` (exclusive) to `toMs` (inclusive), oldest first. */
export function due(comments: ReplayComment[], fromMs: number, toMs: number): ReplayComment[] {
  return comments.filter((c) => { const t = Date.parse(c.at); return t > fromMs && t <= toMs; });
}

/** What the list shows at the playhead: the latest `max` comments at or before it, newest first. */
export function listAt(comments: ReplayComment[], ms: number, max = LIST_MAX): ReplayComment[] {
  const shown = comments.filter((c) => Date.parse(c.at) <= ms);
  return shown.slice(Math.max(0, shown.length - max)).reverse();
}

/** Reads one window [from, to), following `next` while the server cut it short; ids are not repeated. */
export type FetchPage = (fromIso: string, toIso: string) => Promise<CommentPage>;

/**
 * The comment windows read so far, around the playhead. `ensure` reads the windows a playhead needs (each once, even
 * when asked again while reading); `around` gives the comments of the kept windows in time order; far windows are
 * dropped so a long replay never holds the whole session.
 */
export class CommentWindows {
  private readonly windows = new Map<number, ReplayComment[] | Promise<void>>();

  constructor(private readonly fetchPage: FetchPage, private readonly maxPages = 20) {}

  /** The window starts held (read or being read). */
  get held(): number[] { return [...this.windows.keys()].sort((a, b) => a - b); }

  async ensure(ms: number): Promise<boolean> {
    const wanted = windowsFor(ms).filter((w) => !this.windows.has(w));
    if (wanted.length === 0) return false;
    await Promise.all(wanted.map((w) => {
      const loading = this.read(w).then((items) => { this.windows.set(w, items); }, () => { this.windows.delete(w); });
      this.windows.set(w, loading);
      return loading;
    }));
    this.evict(ms);
    return true;
  }

  around(ms: number): ReplayComment[] {
    const own = windowStart(ms);
    const out: ReplayComment[] = [];
    const ids = new Set<string>();
    for (const [w, v] of [...this.windows.entries()].sort((a, b) => a[0] - b[0])) {
      if (!Array.isArray(v) || Math.abs(w - own) > WINDOW_MS) continue;
      for (const c of v) if (!ids.has(c.id)) { ids.add(c.id); out.push(c); }
    }
    return out;
  }

  private async read(w: number): Promise<ReplayComment[]> {
    const to = new Date(w + WINDOW_MS).toISOString();
    let from = new Date(w).toISOString();
    const seen = new Set<string>();
    const items: ReplayComment[] = [];
    for (let i = 0; i < this.maxPages; i++) {
      const page = await this.fetchPage(from, to);
      for (const c of page.items) if (!seen.has(c.id)) { seen.add(c.id); items.push(c); }
      if (!page.more || !page.next || page.next === from) break;
      from = page.next;
    }
    return items;
  }

  private evict(ms: number): void {
    const own = windowStart(ms);
    const keys = [...this.windows.keys()].sort((a, b) => Math.abs(a - own) - Math.abs(b - own));
    for (const k of keys.slice(KEEP_WINDOWS)) this.windows.delete(k);
  }
}
