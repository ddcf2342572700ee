// The live player (participant room, big screen, console preview). It asks GET /api/sessions/{id}/stream what to
// play and whether this viewer may, plays it with hls.js (loaded on demand; native HLS where the browser has no
// Media Source Extensions), shows the state in words (未开始 with a countdown, 直播中, 信号中断, 网络不稳, 已结束 with
// the replay link, or why this viewer may not watch), recovers by itself, and carries the danmaku layer.
// The decisions are the pure reducer in player-state.ts; this file only does what it says.
//
// DOM (the e2e tests select by it): <div class="player" data-state="loading|waiting|live|interrupted|stalled|ended|denied">
//   .player-stage > video[playsinline][muted], .danmaku, .player-overlay (.player-reason when denied), .player-unmute;
//   .player-bar > .player-status[role=status], .player-viewers, [data-bind=danmaku-toggle], [data-bind=low-latency].
import type HlsType from "hls.js";
import type { ErrorData } from "hls.js";
import { h } from "./dom";
import { Danmaku, bindDanmakuToggle, readPreference, writePreference } from "./danmaku";
import { countdown, type Effect, initialPlayerState, type PlayerEvent, type PlayerState, reduce, statusKey, type StreamInfo } from "./player-state";
import type { Comment, Presence, RoomEvent } from "./types";

export type { StreamInfo } from "./player-state";

type T = (key: string, ...args: (string | number)[]) => string;

export interface PlayerOptions {
  sessionId: string;
  t: T;
  /**
   * Danmaku: "viewer" — a toggle, on by default, the choice remembered; "screen" — off unless the moderator turned
   * it on (danmakuOnScreen); "none" — no layer.
   */
  danmaku: "viewer" | "screen" | "none";
  /** A small player (console preview): no low-latency switch, no replay link. */
  compact?: boolean;
  /** Start with sound (the big screen in the hall); the others start muted so autoplay is allowed. */
  sound?: boolean;
  /** Told every time the stream info arrives (the console shows its big-screen danmaku switch from it). */
  onInfo?: (info: StreamInfo) => void;
}

/** A muted-speaker icon drawn as SVG (an emoji may be missing from the phone's fonts). */
function speakerIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "player-unmute-icon");
  const body = document.createElementNS(ns, "path");
  body.setAttribute("d", "M3 9h4l5-4v14l-5-4H3z");
  body.setAttribute("fill", "currentColor");
  const cross = document.createElementNS(ns, "path");
  cross.setAttribute("d", "M16 9l6 6M22 9l-6 6");
  cross.setAttribute("stroke", "currentColor");
  cross.setAttribute("stroke-width", "2.2");
  cross.setAttribute("stroke-linecap", "round");
  svg.append(body, cross);
  return svg;
}

const LOW_LATENCY_KEY = "dlb.player.lowLatency";
const DANMAKU_KEY = "dlb.danmaku";

export class LivePlayer {
  readonly el: HTMLElement;
  readonly video: HTMLVideoElement;
  readonly danmaku: Danmaku | null;
  private s: PlayerState = initialPlayerState;
  private readonly stage: HTMLElement;
  private readonly overlay: HTMLElement;
  private readonly status: HTMLElement;
  private readonly viewers: HTMLElement;
  private readonly conference: HTMLAnchorElement;
  private readonly unmute: HTMLButtonElement;
  private readonly lowLatencyBtn: HTMLButtonElement | null;
  private lowLatency: boolean;
  private hls: HlsType | null = null;
  private HlsClass: typeof HlsType | null | undefined;
  private url: string | null = null;
  private retryTimer: number | null = null;
  private fetchTimer: number | null = null;
  private expiryTimer: number | null = null;
  private tick: number | null = null;
  private fetching = false;
  private fetchAgain = false;
  private stallTimer: number | null = null;

  constructor(host: HTMLElement, private readonly opts: PlayerOptions) {
    const t = opts.t;
    this.lowLatency = readPreference(LOW_LATENCY_KEY, false);
    this.video = h("video", { playsinline: true, muted: true, autoplay: true, preload: "none", "aria-label": t("Room.VideoArea") });
    this.video.muted = !opts.sound;
    this.video.playsInline = true;
    this.overlay = h("div", { class: "player-overlay" });
    this.unmute = h("button", { type: "button", class: "player-unmute", hidden: true, onclick: () => this.turnSoundOn() },
      speakerIcon(), h("span", { text: t("Room.Player.Unmute") }));
    this.stage = h("div", { class: "player-stage" }, this.video, this.overlay, this.unmute);
    this.status = h("span", { class: "player-status", role: "status", "aria-live": "polite" });
    this.viewers = h("span", { class: "player-viewers" });
    const bar = h("div", { class: "player-bar" }, this.status, this.viewers);
    // 远程协商: the video-conference join link, which the server sends only to speakers and moderators.
    this.conference = h("a", { class: "btn player-conference", target: "_blank", rel: "noopener noreferrer", hidden: true,
      text: t("Room.Player.JoinConference") });
    this.el = h("div", { class: opts.compact ? "player compact" : "player", "data-state": "loading" }, this.stage, bar, this.conference);
    host.replaceChildren(this.el);

    this.danmaku = opts.danmaku === "none" ? null : new Danmaku(this.stage, opts.danmaku === "viewer"
      ? { storageKey: DANMAKU_KEY, enabled: true } : { enabled: false });
    const tools = h("span", { class: "player-tools" });
    if (this.danmaku && opts.danmaku === "viewer") {
      const toggle = h("button", { type: "button", class: "player-btn", "data-bind": "danmaku-toggle", "aria-pressed": "true", text: t("Room.Player.Danmaku") });
      bindDanmakuToggle(toggle, this.danmaku, DANMAKU_KEY);
      tools.append(toggle);
    }
    this.lowLatencyBtn = null;
    if (!opts.compact) {
      this.lowLatencyBtn = h("button", { type: "button", class: "player-btn", "data-bind": "low-latency", "aria-pressed": String(this.lowLatency),
        title: t("Room.Player.LowLatencyHint"), text: t("Room.Player.LowLatency"), onclick: () => this.toggleLowLatency() });
      tools.append(this.lowLatencyBtn);
      if (typeof this.stage.requestFullscreen === "function") {
        tools.append(h("button", { type: "button", class: "player-btn", "data-bind": "fullscreen", text: t("Room.Player.Fullscreen"),
          onclick: () => { if (document.fullscreenElement) void document.exitFullscreen(); else void this.stage.requestFullscreen().catch(() => undefined); } }));
      }
    }
    bar.append(tools);

    this.video.addEventListener("playing", () => { this.clearStall(); this.dispatch({ type: "playing" }); this.syncUnmute(); });
    // "waiting" fires on every short buffer refill: only a wait of more than 2 s is worth saying so.
    this.video.addEventListener("waiting", () => this.armStall());
    this.video.addEventListener("stalled", () => this.armStall());
    this.video.addEventListener("error", () => { if (!this.hls) this.dispatch({ type: "error", kind: "network" }); });
    this.video.addEventListener("volumechange", () => this.syncUnmute());
    window.addEventListener("offline", () => this.dispatch({ type: "offline" }));
    window.addEventListener("online", () => this.dispatch({ type: "online" }));
    this.render();
  }

  get state(): PlayerState { return this.s; }

  /** Asks the hub what to play (first load, StreamChanged, after the room client rejoined, an expiring URL). */
  refresh(): void {
    if (this.fetching) { this.fetchAgain = true; return; }
    this.fetching = true;
    this.clearTimer("fetchTimer");
    fetch(`/api/sessions/${this.opts.sessionId}/stream`, { headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        return (await r.json()) as StreamInfo;
      })
      .then((info) => { this.dispatch({ type: "info", info }); this.opts.onInfo?.(info); })
      .catch(() => this.dispatch({ type: "fetch-failed" }))
      .finally(() => {
        this.fetching = false;
        if (this.fetchAgain) { this.fetchAgain = false; this.refresh(); }
      });
  }

  /** The room's presence push: 在线 N · 峰值 M. */
  presence(p: Presence): void {
    const peak = Math.max(p.peak ?? 0, p.total);
    this.viewers.textContent = this.opts.t("Room.Player.Viewers", p.total, peak);
  }

  /** Feeds the danmaku from the room's public, sequenced stream: only approved comments are ever in it. */
  /**
   * An event of the room's public stream: approved comments fly, removed ones go, a pinned one (its text from
   * `comment`, the page's room state) takes the top row; StreamChanged refetches the stream info.
   */
  roomEvent(e: RoomEvent, comment: (id: string) => Comment | undefined = () => undefined): void {
    const d = e.data;
    switch (e.type) {
      case "CommentShown": this.danmaku?.add({ id: d.id, text: d.text, pinned: d.pinned }); break;
      case "CommentRemoved": this.danmaku?.remove(d.id); break;
      case "CommentPinned": {
        const c = comment(d.id);
        if (d.pinned && c) this.danmaku?.add({ id: c.id, text: c.text, pinned: true });
        else this.danmaku?.remove(d.id);
        break;
      }
      case "StreamChanged": this.refresh(); break;
    }
  }

  /** The room snapshot's pinned comments stay in the top row; the others are history and do not fly. */
  snapshot(comments: Comment[]): void {
    if (!this.danmaku) return;
    this.danmaku.clear();
    comments.filter((c) => c.pinned).slice(0, 2).reverse().forEach((c) => this.danmaku!.add({ id: c.id, text: c.text, pinned: true }));
  }

  private dispatch(e: PlayerEvent): void {
    const { state, effects } = reduce(this.s, e);
    this.s = state;
    if (e.type === "info" && this.danmaku && this.opts.danmaku === "screen") this.danmaku.setEnabled(e.info.danmakuOnScreen);
    if (e.type === "info") this.planExpiry(e.info);
    effects.forEach((fx) => this.run(fx));
    this.render();
  }

  private run(fx: Effect): void {
    switch (fx.type) {
      case "load": void this.load(fx.url); break;
      case "stop": this.stop(); break;
      case "retry": this.later("retryTimer", fx.delayMs, () => void this.load(fx.url, true)); break;
      case "refetch": this.later("fetchTimer", fx.delayMs, () => this.refresh()); break;
      case "recover-media": this.hls?.recoverMediaError(); break;
    }
  }

  private async load(url: string, force = false): Promise<void> {
    if (!force && this.url === url && (this.hls || this.video.src)) return;
    this.url = url;
    this.clearTimer("retryTimer");
    const Hls = await this.hlsClass();
    if (this.url !== url) return;
    if (Hls) {
      if (this.hls && !force) {
        // Same player, new (re-signed or backup) URL.
        this.hls.loadSource(url);
      } else {
        this.hls?.destroy();
        const hls = new Hls({
          enableWorker: false, // the CSP allows no blob: workers
          lowLatencyMode: this.lowLatency,
          liveSyncDurationCount: this.lowLatency ? 2 : 3,
          liveMaxLatencyDurationCount: this.lowLatency ? 4 : 8,
          // Both catch up when behind (else each small stall adds to the delay for good; the bench saw it grow 0.6 s in 17 s).
          maxLiveSyncPlaybackRate: this.lowLatency ? 1.2 : 1.1,
          backBufferLength: 30,
          manifestLoadingMaxRetry: 2,
          levelLoadingMaxRetry: 2,
          fragLoadingMaxRetry: 3,
        });
        this.hls = hls;
        hls.on(Hls.Events.ERROR, (_e, data) => this.hlsError(data));
        hls.on(Hls.Events.MANIFEST_PARSED, () => this.play());
        hls.attachMedia(this.video);
        hls.loadSource(url);
      }
    } else {
      this.video.src = url;
      this.video.load();
      this.play();
    }
  }

  private hlsError(data: ErrorData): void {
    if (!data.fatal) return;
    const status = data.response?.code;
    const kind = status === 403 ? "forbidden" : data.type === "mediaError" ? "media" : data.type === "networkError" ? "network" : "other";
    if (kind === "other") { this.hls?.destroy(); this.hls = null; }
    this.dispatch({ type: "error", kind: kind === "other" ? "network" : kind });
  }

  private async hlsClass(): Promise<typeof HlsType | null> {
    if (this.HlsClass !== undefined) return this.HlsClass;
    const mse = typeof window !== "undefined" && ("MediaSource" in window || "ManagedMediaSource" in window);
    if (mse) {
      try {
        // The light build: no subtitles, alternate audio or DRM — a live meeting needs none, and it is half the size.
        const Hls = (await import("hls.js/light")).default;
        if (Hls.isSupported()) return (this.HlsClass = Hls);
      } catch { /* no hls.js: native below */ }
    }
    // Safari on iPhone: no MSE, but HLS built in.
    this.HlsClass = null;
    return null;
  }

  private play(): void {
    this.video.play().then(() => this.syncUnmute()).catch(() => {
      // Autoplay with sound refused (the big screen before a click): muted, with the button to turn sound on.
      if (!this.video.muted) { this.video.muted = true; void this.video.play().catch(() => undefined); }
      this.syncUnmute();
    });
  }

  private stop(): void {
    this.clearTimer("retryTimer");
    this.clearStall();
    this.hls?.destroy();
    this.hls = null;
    this.url = null;
    this.video.removeAttribute("src");
    this.video.load();
  }

  private turnSoundOn(): void {
    this.video.muted = false;
    if (this.video.volume === 0) this.video.volume = 1;
    void this.video.play().catch(() => undefined);
    this.syncUnmute();
  }

  private syncUnmute(): void {
    this.unmute.hidden = !(this.video.muted && (this.s.phase === "live" || this.s.phase === "stalled"));
  }

  private toggleLowLatency(): void {
    this.lowLatency = !this.lowLatency;
    writePreference(LOW_LATENCY_KEY, this.lowLatency);
    this.lowLatencyBtn?.setAttribute("aria-pressed", String(this.lowLatency));
    if (this.url && this.hls) void this.load(this.url, true); // hls.js takes the option only when created
  }

  private armStall(): void {
    if (this.stallTimer !== null || this.s.phase !== "live") return;
    this.stallTimer = window.setTimeout(() => { this.stallTimer = null; this.dispatch({ type: "stall" }); }, 2000);
  }

  private clearStall(): void {
    if (this.stallTimer !== null) window.clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  /** Signed URLs expire (expiresAt): ask for fresh ones a minute before. */
  private planExpiry(info: StreamInfo): void {
    this.clearTimer("expiryTimer");
    if (!info.expiresAt || !info.sources.length) return;
    const ms = Date.parse(info.expiresAt) - Date.now() - 60000;
    if (ms > 0 && ms < 2 ** 31 - 1) this.expiryTimer = window.setTimeout(() => { this.expiryTimer = null; this.refresh(); }, ms);
  }

  private later(which: "retryTimer" | "fetchTimer", ms: number, fn: () => void): void {
    this.clearTimer(which);
    this[which] = window.setTimeout(() => { this[which] = null; fn(); }, ms);
  }

  private clearTimer(which: "retryTimer" | "fetchTimer" | "expiryTimer"): void {
    const id = this[which];
    if (id !== null) window.clearTimeout(id);
    this[which] = null;
  }

  private render(): void {
    const t = this.opts.t;
    const { phase, info } = this.s;
    this.el.dataset.state = phase;
    // The session is under way but the broadcast has not begun: 即将开始, not 未开始 beside the room's 直播中.
    this.status.textContent = phase === "waiting" && info?.sessionStatus === "Live" ? t("Room.Player.StartingSoon") : t(statusKey(phase));
    this.status.className = `player-status is-${phase}`;
    this.syncUnmute();
    const conferenceUrl = info?.conferenceUrl ?? null;
    if (conferenceUrl && phase !== "ended") this.conference.href = conferenceUrl;
    this.conference.hidden = !conferenceUrl || phase === "ended";
    // Live comments are of the moment, not of the picture: they fly in every state (over 未开始 too), never paused
    // here (the replay page pauses its layer with the video).
    if (this.tick !== null) { window.clearInterval(this.tick); this.tick = null; }
    const parts: (HTMLElement | null)[] = [];
    switch (phase) {
      case "loading": parts.push(h("p", { class: "player-big", text: t("Room.Player.Loading") })); break;
      case "waiting": {
        const clock = h("p", { class: "player-countdown" });
        const draw = () => {
          const c = countdown(info?.startsAt ?? null, Date.now());
          clock.textContent = c ? (c.days > 0 ? t("Room.Player.CountdownDays", c.days, c.clock) : t("Room.Player.Countdown", c.clock)) : t("Room.Player.SoonStart");
        };
        draw();
        this.tick = window.setInterval(draw, 1000);
        parts.push(h("p", { class: "player-big", text: info?.sessionStatus === "Live" ? t("Room.Player.StartingSoon") : t("Room.Player.Waiting") }), clock);
        break;
      }
      case "interrupted": parts.push(h("p", { class: "player-big", text: t("Room.Player.Interrupted") })); break;
      case "stalled": parts.push(h("p", { class: "player-small", text: t("Room.Player.Stalled") })); break;
      case "ended":
        parts.push(h("p", { class: "player-big", text: t("Room.Player.Ended") }));
        if (info?.replay?.available && !this.opts.compact) {
          parts.push(h("a", { class: "btn primary player-replay", href: `/s/${this.opts.sessionId}/replay`, text: t("Room.Player.WatchReplay") }));
        }
        break;
      case "denied":
        parts.push(h("p", { class: "player-reason", text: info?.reasonText ?? t("Room.Player.Denied") }));
        if (info?.reason === "signin") {
          parts.push(h("a", { class: "btn primary", href: `/Account/SignIn?returnUrl=${encodeURIComponent(location.pathname)}`, text: t("Room.Player.SignIn") }));
        }
        break;
      case "live": break;
    }
    this.overlay.replaceChildren(...parts.filter((p): p is HTMLElement => !!p));
    this.overlay.hidden = parts.length === 0;
    this.overlay.className = phase === "stalled" ? "player-overlay slim" : "player-overlay";
  }
}
