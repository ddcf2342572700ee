// 回放: the recording plays (mp4 parts with signed URLs from the stream API), the timeline's moments seek it and the
// current one is highlighted, and the comments replay in sync — as danmaku over the video and in the list — read in
// windows around the playhead. Moments are rendered by the server (.timeline button.moment[data-offset][data-part]).
import { h } from "../lib/dom";
import { bindDanmakuToggle, Danmaku } from "../lib/danmaku";
import { makeT } from "../lib/strings";
import {
  CommentWindows, currentMoment, due, isJump, listAt, matchParts, playheadMs, sortParts,
  type CommentPage, type Part, type Position, type Recording,
} from "./replay/model";

interface ReplayConfig {
  sessionId: string; streamUrl: string; commentsUrl: string; recordings: Recording[]; strings: Record<string, string>;
}
interface StreamInfo { canWatch: boolean; reason?: string | null; reasonText?: string | null; replay?: { available: boolean; parts: Part[] } }

const cfg = JSON.parse(document.getElementById("replay-config")?.textContent || "{}") as ReplayConfig;
const t = makeT(cfg.strings ?? {});
const root = document.getElementById("replay")!;
const player = root.querySelector<HTMLElement>(".player")!;
const stage = player.querySelector<HTMLElement>(".player-stage")!;
const video = player.querySelector("video")!;
const status = player.querySelector<HTMLElement>(".player-status")!;
const unmute = player.querySelector<HTMLButtonElement>(".player-unmute")!;
const partsBar = player.querySelector<HTMLElement>("[data-bind=parts]")!;
const list = root.querySelector<HTMLElement>(".replay-comments")!;
const listEmpty = root.querySelector<HTMLElement>("[data-bind=comments-empty]")!;
const buttons = [...root.querySelectorAll<HTMLButtonElement>(".timeline button.moment")];

const danmaku = new Danmaku(stage, { storageKey: "dlb.danmaku" });
bindDanmakuToggle(player.querySelector<HTMLElement>("[data-bind=danmaku-toggle]")!, danmaku, "dlb.danmaku");

let parts: Part[] = [];
let partOf: (number | null)[] = [];          // recording index → part index
let current = -1;                              // the part loaded in the video
let pendingSeek: number | null = null;         // seconds to seek to once the part's metadata is in
let wantPlay = false;
let retryTimer: number | null = null;
let resumeAt: number | null = null;            // where to go on after a failed load
let lastMs: number | null = null;
let highlighted = -1;

const comments = new CommentWindows(async (from, to): Promise<CommentPage> => {
  const url = `${cfg.commentsUrl}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const r = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`comments ${r.status}`);
  return await r.json() as CommentPage;
});

function say(text: string): void { status.textContent = text; }

function syncUnmute(): void { unmute.hidden = !video.muted; }
unmute.addEventListener("click", () => { video.muted = false; syncUnmute(); void video.play().catch(() => undefined); });
video.addEventListener("volumechange", syncUnmute);
syncUnmute();

/** Reads the stream info: fresh signed URLs for the parts. */
async function loadParts(): Promise<boolean> {
  let info: StreamInfo;
  try {
    const r = await fetch(cfg.streamUrl, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(String(r.status));
    info = await r.json() as StreamInfo;
  } catch {
    say(t("failed"));
    retry(10_000);
    return false;
  }
  if (!info.canWatch) {
    player.dataset.state = "denied";
    say(info.reasonText || t("denied"));
    return false;
  }
  parts = sortParts(info.replay?.parts ?? []);
  partOf = matchParts(cfg.recordings ?? [], parts);
  drawPartsBar();
  const ready = parts.some((p) => p.ready !== false);
  if (!ready) {
    // The streaming server remuxes a recording a moment after its publish ends.
    say((cfg.recordings?.length ?? 0) > 0 || parts.length > 0 ? t("generating") : t("none"));
    if ((cfg.recordings?.length ?? 0) > 0 || parts.length > 0) retry(5000);
    return false;
  }
  return true;
}

function retry(ms: number): void {
  if (retryTimer !== null) return;
  retryTimer = window.setTimeout(async () => {
    retryTimer = null;
    const at = resumeAt ?? (current >= 0 ? video.currentTime : 0);
    const part = Math.max(0, current);
    const play = wantPlay || !video.paused;
    if (await loadParts()) { resumeAt = null; load(part, at, play, true); }
  }, ms);
}

function drawPartsBar(): void {
  partsBar.hidden = parts.length < 2;
  partsBar.replaceChildren(...parts.map((_, i) => h("button", {
    type: "button", class: "chip", "aria-pressed": String(i === current), text: t("part", i + 1),
    onclick: () => load(i, 0, true),
  })));
}

/** Loads part `i` (when not loaded) and seeks to `seconds`; plays when asked. */
function load(i: number, seconds: number, play: boolean, reload = false): void {
  const part = parts[i];
  if (!part) return;
  wantPlay = play;
  if (part.ready === false) { say(t("generating")); retry(5000); return; }
  if (reload || i !== current || !video.currentSrc) {
    current = i;
    pendingSeek = seconds;
    video.src = part.url;
    video.load();
    drawPartsBar();
  } else {
    seek(seconds);
  }
  if (play) void video.play().catch(() => undefined);
}

function seek(seconds: number): void {
  const end = Number.isFinite(video.duration) ? Math.max(0, video.duration - 0.1) : seconds;
  video.currentTime = Math.min(seconds, end);
}

video.addEventListener("loadedmetadata", () => {
  if (pendingSeek !== null) { seek(pendingSeek); pendingSeek = null; }
  say(parts.length > 1 ? `${t("playing")} · ${t("part", current + 1)}` : t("playing"));
  if (wantPlay) void video.play().catch(() => undefined);
});

video.addEventListener("error", () => {
  // A part not remuxed yet (404) or a signature expired (403): read fresh URLs and load it again where it was.
  resumeAt = pendingSeek ?? video.currentTime ?? 0;
  say(t("generating"));
  retry(5000);
});

video.addEventListener("ended", () => {
  if (current + 1 < parts.length) load(current + 1, 0, true);
});
video.addEventListener("play", () => danmaku.resume());
video.addEventListener("pause", () => danmaku.pause());
video.addEventListener("seeking", () => tick());
video.addEventListener("timeupdate", () => tick());

// Moments: clicking one seeks (switching part when needed); the current one is highlighted as the video plays.
const positions: (Position | null)[] = buttons.map((b) => {
  if (b.dataset.offset === undefined) return null;
  return { part: Number(b.dataset.part ?? 0), offset: Number(b.dataset.offset) };
});
buttons.forEach((b, i) => b.addEventListener("click", () => {
  const pos = positions[i];
  if (!pos) return;
  const part = partOf[pos.part] ?? (pos.part < parts.length ? pos.part : null);
  if (part === null) { say(t("generating")); retry(5000); return; }
  load(part, pos.offset, true);
  highlight(i);
}));

function recordingOfPart(part: number): number {
  const r = partOf.indexOf(part);
  return r >= 0 ? r : part;
}

function highlight(i: number): void {
  if (i === highlighted) return;
  buttons[highlighted]?.classList.remove("is-current");
  buttons[highlighted]?.removeAttribute("aria-current");
  highlighted = i;
  buttons[i]?.classList.add("is-current");
  buttons[i]?.setAttribute("aria-current", "true");
  if (buttons[i]) reveal(buttons[i]);
}

// On a wide screen the timeline scrolls in its own column: keep the current moment in view there (never the page).
const panel = root.querySelector<HTMLElement>(".replay-moments");
function reveal(b: HTMLElement): void {
  if (!panel || panel.scrollHeight <= panel.clientHeight + 1 || getComputedStyle(panel).overflowY !== "auto") return;
  const p = panel.getBoundingClientRect();
  const r = b.getBoundingClientRect();
  if (r.top < p.top || r.bottom > p.bottom) panel.scrollTop += r.top - p.top - p.height / 3;
}

function tick(): void {
  if (current < 0) return;
  highlight(currentMoment(positions, { part: recordingOfPart(current), offset: video.currentTime }));
  const ms = playheadMs(parts, current, video.currentTime);
  if (ms === null) return;
  const jumped = isJump(lastMs, ms);
  if (jumped) danmaku.clear();
  else for (const c of due(comments.around(ms), lastMs!, ms)) danmaku.add({ id: c.id, text: c.text });
  if (jumped || lastMs === null || Math.floor(ms / 1000) !== Math.floor(lastMs / 1000)) drawList(ms);
  lastMs = ms;
  void comments.ensure(ms).then((read) => { if (read && lastMs !== null) drawList(lastMs); }, () => undefined);
}

let listKey = "";
function drawList(ms: number): void {
  const shown = listAt(comments.around(ms), ms);
  const key = shown.map((c) => c.id).join(",");
  if (key === listKey) return;
  listKey = key;
  listEmpty.hidden = shown.length > 0;
  list.replaceChildren(...shown.map((c) => h("li", { class: "replay-comment", "data-id": c.id },
    h("div", { class: "replay-comment-meta" },
      h("span", { class: "replay-comment-author", text: c.sector ? `${c.authorName} · ${c.sector}` : c.authorName }),
      h("time", { datetime: c.at, text: clockOf(c.at) })),
    h("p", { class: "replay-comment-text", text: c.text }))));
}

const clockFormat = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
function clockOf(iso: string): string { return clockFormat.format(new Date(iso)); }

void (async () => {
  if (await loadParts()) load(0, 0, false);
})();
