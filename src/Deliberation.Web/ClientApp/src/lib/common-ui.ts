// Pieces the room, console and big screen share: status line, speaker timer, toasts.
import { bind, clear, clock, h } from "./dom";
import { OUTBOX_EVENT, type OutboxDetail, type PendingCall } from "./outbox";
import type { RoomState } from "./room-state";
import { loadConfig, makeT } from "./strings";
import type { Presence } from "./types";

export type T = (key: string, ...args: (string | number)[]) => string;

export function renderStatus(root: HTMLElement, state: RoomState, t: T): void {
  const el = bind(root, "status");
  const key = state.status === "Live" ? "Room.Live" : state.status === "Ended" || state.status === "Archived" ? "Room.Ended" : "Room.NotStarted";
  el.textContent = t(key);
  el.className = `tag status-${state.status.toLowerCase()}`;
}

export function renderOnline(root: HTMLElement, p: Presence, t: T): void {
  bind(root, "online").textContent = t("Room.Online", p.total);
}

const watched = new WeakSet<HTMLElement>();

/**
 * Shows the connection state: `[data-bind=reconnecting]` is visible while the room reconnects (the client says so
 * as soon as the browser reports the network gone) and counts what waits to be sent ("… 有1条待发送"). The count
 * follows the room client's outbox by itself; `root.dataset.queued` holds it for styles and tests.
 */
export function setConnState(root: HTMLElement, s: string): void {
  root.dataset.state = s;
  bind(root, "reconnecting").hidden = s !== "reconnecting";
  if (!watched.has(root) && typeof document !== "undefined") {
    watched.add(root);
    let t: T | undefined;
    document.addEventListener(OUTBOX_EVENT, (ev) => {
      t ??= makeT(loadConfig().strings);
      setQueued(root, (ev as CustomEvent<OutboxDetail>).detail.count, t);
    });
  }
}

/** Puts the number of actions waiting to be sent into the reconnecting banner (0 restores the plain text). */
export function setQueued(root: HTMLElement, count: number, t: T): void {
  root.dataset.queued = String(count);
  bind(root, "reconnecting").textContent = count > 0 ? t("Room.ReconnectingQueued", count) : t("Room.Reconnecting");
}

/**
 * The texts waiting in the outbox for one method (PostComment, AskQuestion), as list items marked "待发送"
 * (Room.Queued), for a page to show on top of its list until they are sent (RoomHandlers.queued gives `pending`).
 */
export function queuedItems(pending: readonly PendingCall[], method: string, t: T): HTMLElement[] {
  return pending.filter((p) => p.method === method && typeof p.args[0] === "string").map((p) =>
    h("li", { class: "queued", "data-queued": "1" },
      h("div", { class: "feed-head" }, h("span", { class: "tag", text: t("Room.Queued") })),
      h("p", { class: "feed-text", text: String(p.args[0]) })));
}

/** The speaker with a countdown that turns red past the allowed time. Returns a ticker to call every second. */
export function speakerView(state: RoomState, t: T, big = false): HTMLElement {
  const s = state.speaker;
  if (!s) return h("div", { class: "speaker-none", text: t("Room.NoSpeaker") });
  const started = s.startedAt ? Date.parse(s.startedAt) : Date.now();
  const left = s.allowedSeconds - (Date.now() - started) / 1000;
  const timer = h("div", { class: `timer ${left < 0 ? "over" : left < 60 ? "soon" : ""}`, "data-timer": "1",
    text: left >= 0 ? t("Room.Remaining", clock(left)) : t("Room.Overtime", clock(-left)) });
  return h("div", { class: big ? "speaker big" : "speaker" },
    h("div", { class: "speaker-label", text: t("Room.Speaker") }),
    h("div", { class: "speaker-name" }, h("strong", { text: s.speakerName ?? "" }),
      h("span", { class: "meta", text: ` ${[t(`Room.Tier.${s.tier}`), s.sector].filter(Boolean).join(" · ")}` })),
    s.topic ? h("div", { class: "speaker-topic", text: s.topic }) : null,
    s.kind === "Written" ? h("span", { class: "tag", text: t("Room.Written") }) : null,
    timer);
}

export function toast(root: HTMLElement, text: string, kind: "info" | "error" = "info"): void {
  const box = bind(root, "toasts");
  while (box.children.length >= 2) box.firstElementChild?.remove();
  const el = h("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status", text });
  box.append(el);
  window.setTimeout(() => el.remove(), kind === "error" ? 6000 : 4000);
}

export function clearChildren(el: HTMLElement): void {
  clear(el);
}
