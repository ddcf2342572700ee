// What the parts of the participant room share: the page, its state, drawing once per frame, calling the hub,
// and taking part (a public visitor is asked for a name only when they first take part).
import { h } from "../../lib/dom";
import type { RoomClient } from "../../lib/room-client";
import { RoomState, type Section } from "../../lib/room-state";
import { errorInfo, loadConfig, makeT } from "../../lib/strings";
import { toast } from "../../lib/common-ui";
import { refusalText } from "../../lib/room-errors";
import { FrameQueue, KeyedList } from "../../lib/room-keyed";

export const cfg = loadConfig();
export const t = makeT(cfg.strings);
export const root = document.getElementById("room")!;
export const state = new RoomState();
/** Page-wide settings the parts read and the entry changes. */
export const room = { activeTab: "comments", quiet: true, publicAccess: "" };
export const panels = new Map<string, HTMLElement>();
export const heads = new Map<string, HTMLElement>();
export const PAGE = 100;
export const PENDING_KEY = `dlb.pending:${cfg.roomId}`;

export type Draw = Section | "heads" | "tallies";
let drawer: (s: Draw) => void = () => undefined;
const frames = new FrameQueue<Draw>((s) => drawer(s));
/** Marks a section to draw in the next frame (however many events touch it meanwhile). */
export const render = (s: Draw) => frames.add(s);
/** Draws everything marked, now. */
export const flushDraw = () => frames.flush();
export function onDraw(draw: (s: Draw) => void): void { drawer = draw; }

let client: RoomClient;
export function useClient(c: RoomClient): void { client = c; }
export function invoke<T>(method: string, ...args: unknown[]): Promise<T> { return client.invoke<T>(method, ...args); }

/** The item number of a questionnaire item key, for messages such as "第2题为必答题". */
export function itemNo(key: string): number | undefined {
  const i = state.questionnaire?.items.findIndex((it) => it.key === key) ?? -1;
  return i >= 0 ? i + 1 : undefined;
}

export function say(err: unknown): void {
  toast(root, refusalText(t, err, itemNo), "error");
}

export async function act<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
  try {
    return await invoke<T>(method, ...args);
  } catch (err) {
    if (errorInfo(err).code === "room.name_required") { askName({ tab: room.activeTab }); return undefined; }
    say(err);
    return undefined;
  }
}

/** A public visitor without a name, in a room where the public may take part once named. */
export function mayJoinIn(): boolean {
  return !state.me.mayInteract && state.me.key.startsWith("c:") && room.publicAccess === "Interact";
}

/** Whether this person can act here (or can after giving a name). */
export function canAct(): boolean {
  return state.me.mayInteract || mayJoinIn();
}

/** True when the person may act now; otherwise asks for a name (remembering what they were doing) or explains. */
export function ready(action: { tab: string; text?: string }): boolean {
  if (state.me.mayInteract) return true;
  if (mayJoinIn()) askName(action);
  else toast(root, t("Room.WatchOnly"), "error");
  return false;
}

export function askName(action: { tab: string; text?: string }): void {
  const dialog = document.getElementById("name-dialog") as HTMLDialogElement | null;
  if (!dialog) return;
  const form = dialog.querySelector("form")!;
  form.onsubmit = () => {
    // The name lives in a signed cookie that the live connection reads when it opens: the page reloads, then
    // what the person was doing carries on.
    try { sessionStorage.setItem(PENDING_KEY, JSON.stringify(action)); } catch { /* private mode: the text is lost */ }
  };
  dialog.querySelector<HTMLButtonElement>("[data-close]")!.onclick = () => dialog.close();
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<HTMLInputElement>("input[name=displayName]")?.focus();
}

/** A panel body's fixed parts, built once per set of tabs: the keyed lists, the "more" button, the empty text. */
export const lists = new Map<string, { list: KeyedList<any>; more: HTMLButtonElement; empty: HTMLElement; extra: HTMLElement }>();

export function listOf<T>(tab: string, tag: "ul" | "div", cls: string, key: (x: T) => string, sig: (x: T) => string, make: (x: T) => HTMLElement,
  emptyKey: string, onMore?: () => void): { list: KeyedList<T>; more: HTMLButtonElement; empty: HTMLElement; extra: HTMLElement } | undefined {
  let parts = lists.get(tab);
  if (parts) return parts;
  const panel = panels.get(tab);
  if (!panel) return undefined;
  const el = h(tag, { class: cls });
  const more = h("button", { type: "button", class: "btn more", hidden: true, onclick: () => onMore?.() });
  const empty = h("p", { class: "empty", text: t(emptyKey), hidden: true });
  const extra = h("div", { class: "list-extra" });
  panel.append(extra, empty, el, more);
  parts = { list: new KeyedList<T>(el, key, sig, make), more, empty, extra };
  lists.set(tab, parts);
  return parts;
}

/** Marks a form as sending; while the connection is down it reads "waiting for the network". */
export function sending(form: HTMLElement, on: boolean): void {
  let note = form.querySelector<HTMLElement>(".send-note");
  if (!note) {
    note = h("p", { class: "send-note", role: "status" });
    form.append(note);
  }
  if (on) form.dataset.sending = "1"; else delete form.dataset.sending;
  markWaiting();
}

export function markWaiting(): void {
  const down = root.dataset.state !== "live";
  root.querySelectorAll<HTMLElement>(".send-note").forEach((note) => {
    const form = note.parentElement!;
    const busy = form.dataset.sending === "1";
    if (busy && down) form.dataset.waiting = "1"; else delete form.dataset.waiting;
    note.hidden = !busy;
    note.textContent = busy ? t(down ? "Room.Waiting" : "Room.Sending") : "";
  });
}
