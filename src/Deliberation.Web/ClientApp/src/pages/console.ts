// The moderator console: moderation queue, Q&A, floor and timer, polls, formal votes, questionnaires, check-in,
// outcomes, announcements and room rules. Every action goes through the hub. Events patch the console's data and
// mark the affected sections; each section redraws at most once per animation frame and touches only changed rows,
// so a busy room (thousands of items, dozens of events a second) keeps the page answering clicks.
import { bind, h } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import { RoomState, type Section } from "../lib/room-state";
import { loadConfig, makeT } from "../lib/strings";
import { refusalText } from "../lib/room-errors";
import { renderOnline, renderStatus, setConnState, toast } from "../lib/common-ui";
import type { Question, RoomEvent } from "../lib/types";
import type { ConsoleState, Ctx, QueuedComment } from "./console/context";
import { FrameQueue } from "../lib/room-keyed";
import { commentsBox, queueBox } from "./console/moderation";
import { qaBox } from "./console/qa";
import { floorBox } from "./console/floor";
import { lockIfEnded, sessionBox } from "./console/session";
import { pollsBox, questionnairesBox, votesBox } from "./console/ballots";
import { checkinBox, outcomesBox, settingsBox } from "./console/records";
import { LivePlayer } from "../lib/player";

const cfg = loadConfig();
const t = makeT(cfg.strings);
const root = document.getElementById("console")!;
const grid = bind(root, "grid");
const state = new RoomState();
const draws = new Map<string, () => void>();
const scheduler = new FrameQueue<string>((s) => draws.get(s)?.(), () => lockIfEnded(ctx));

const ctx: Ctx = {
  t, root, state, exportBase: cfg.exportBase, roomId: cfg.roomId, minutesReviewer: root.dataset.minutesReviewer === "true", loaded: false,
  queueComments: new Map(), queueQuestions: new Map(), blocked: new Map(), polls: new Map(), votes: new Map(), questionnaires: new Map(),
  participants: new Map(), outcomes: [], departments: [], settings: null, minutes: null, presence: { total: 0, byTier: {} },
  turnout: new Map(), qAggregates: new Map(),
  client: null!,
  mark: (...s) => scheduler.add(...s),
  act: async <R>(method: string, ...args: unknown[]) => {
    try {
      return await ctx.client.invoke<R>(method, ...args);
    } catch (err) {
      toast(root, refusalText(t, err), "error");
      return undefined;
    }
  },
  ok: async (method, ...args) => {
    try {
      await ctx.client.invoke(method, ...args);
      return true;
    } catch (err) {
      toast(root, refusalText(t, err), "error");
      return false;
    }
  },
  reload: () => reload(),
  toast: (text, kind = "info") => toast(root, text, kind),
};

const SECTION_BOXES: Record<Section, string[]> = {
  status: ["status", "session"], agenda: ["session"], announcement: ["session"], comments: ["comments"], questions: ["qa", "queue"],
  floor: ["floor"], speaker: ["floor"], polls: ["polls"], votes: ["votes"], questionnaire: ["questionnaires"],
};

/** Keeps the console's own lists in step with a room event, without asking the server again. */
function follow(e: RoomEvent): void {
  const d = e.data;
  switch (e.type) {
    case "QuestionAsked": case "QuestionUpdated": if (d.status !== "Pending") ctx.queueQuestions.delete(d.id); break;
    case "CommentShown": ctx.queueComments.delete(d.id); break;
    case "PollOpened": ctx.polls.set(d.id, d); break;
    case "PollClosed": ctx.polls.set(d.poll.id, d.poll); break;
    case "VoteOpened": case "VoteClosed": ctx.votes.set(d.id, d); break;
    case "QuestionnaireOpened": case "QuestionnaireClosed": ctx.questionnaires.set(d.id, d); break;
  }
}

let queueReload = 0;
let connState = "connecting";
let preview: LivePlayer | null = null;
ctx.client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => { state.load(s, me); scheduler.add("status", "session", "comments", "qa", "floor", "polls", "votes"); },
  event: (e) => {
    follow(e);
    for (const s of state.apply(e)) scheduler.add(...SECTION_BOXES[s]);
    // The preview's danmaku come from the room's public stream only (CommentShown is sent once approved), never
    // from the moderation queue's pending items.
    preview?.roomEvent(e, (id) => state.comments.get(id));
  },
  state: (s) => {
    if (s === "live" && connState === "reconnecting") preview?.refresh();
    connState = s;
    setConnState(root, s);
    if (s === "live") void reload();
  },
  presence: (p) => { ctx.presence = p; renderOnline(root, p, t); session.presence(); preview?.presence(p); },
  tally: (tally) => { state.tallies.set(tally.pollId, tally); scheduler.add("polls"); },
  questionVotes: (list) => {
    for (const v of list) { const q = state.questions.get(v.id); if (q) q.votes = v.votes; }
    scheduler.add("qa");
  },
  queue: (q: { kind: string; itemId: string; change: string; item?: unknown }) => {
    const map: Map<string, unknown> = q.kind === "comment" ? ctx.queueComments : ctx.queueQuestions;
    if (q.change === "removed") map.delete(q.itemId);
    else if (q.item) (map as Map<string, QueuedComment | Question>).set(q.itemId, q.item as QueuedComment & Question);
    else if (!queueReload) queueReload = window.setTimeout(() => { queueReload = 0; void reload(); }, 1000); // an older server: no item in the push
    scheduler.add("queue");
  },
  // Turnout only grows; a push from a slower call can arrive after a newer one, so keep the larger.
  turnout: (x) => { ctx.turnout.set(x.voteId, Math.max(x.cast, ctx.turnout.get(x.voteId) ?? 0)); scheduler.add("votes"); },
  questionnaireTally: (a) => { ctx.qAggregates.set(a.questionnaireId, a); scheduler.add("questionnaires"); },
});

let reloading: Promise<void> | null = null;
async function reload(): Promise<void> {
  if (reloading) return reloading;
  reloading = (async () => {
    const r = await ctx.act<ConsoleState>("GetConsoleState");
    if (!r) return;
    ctx.loaded = true;
    ctx.queueComments = new Map(r.queue.comments.map((c) => [c.id, c]));
    ctx.queueQuestions = new Map(r.queue.questions.map((q) => [q.id, q]));
    ctx.blocked = new Map(r.queue.blocked.map((b) => [b.key, b.name]));
    // The room's own events may be newer than this read for polls and votes that are live: keep the live copy.
    ctx.polls = new Map(r.polls.map((p) => [p.id, state.polls.get(p.id) ?? p]));
    ctx.votes = new Map(r.votes.map((v) => [v.id, v.status === "Draft" ? v : { ...v, ...(state.votes.get(v.id) ?? {}) }]));
    ctx.questionnaires = new Map(r.questionnaires.map((q) => [q.id, q]));
    ctx.participants = new Map(r.participants.map((p) => [p.id, p]));
    ctx.outcomes = r.outcomes;
    ctx.departments = r.departments;
    ctx.settings = r.settings;
    ctx.minutes = r.minutes;
    for (const q of r.questionnaires) {
      if (ctx.qAggregates.has(q.id)) continue;
      fetch(`${cfg.exportBase}${q.id}/aggregate`).then((x) => (x.ok ? x.json() : null)).then((a) => {
        if (a) { ctx.qAggregates.set(q.id, a); scheduler.add("questionnaires"); }
      }, () => undefined);
    }
    scheduler.add("queue", "polls", "votes", "questionnaires", "checkin", "outcomes", "settings", "session");
  })().finally(() => { reloading = null; });
  return reloading;
}

function layout(): void {
  const columns: [string, string][][] = [
    [["queue", "Room.Console.Queue"], ["comments", "Room.Console.LiveComments"], ["checkin", "Room.Console.CheckIn"]],
    [["qa", "Room.Console.Qa"], ["floor", "Room.Console.Floor"], ["outcomes", "Room.Console.Outcomes"]],
    [["preview", "Room.Player.Preview"], ["session", "Room.Console.Session"], ["polls", "Room.Console.Polls"], ["votes", "Room.Console.Votes"], ["questionnaires", "Room.Console.Questionnaires"],
      ["settings", "Room.Console.Settings"]],
  ];
  const bodies = new Map<string, HTMLElement>();
  grid.replaceChildren(...columns.map((col) => h("div", { class: "console-col" }, ...col.map(([id, key]) => {
    const body = h("div", { class: "box-body" });
    bodies.set(id, body);
    return h("section", { class: "box", id: `box-${id}`, "aria-labelledby": `box-${id}-title` }, h("h2", { id: `box-${id}-title`, text: t(key) }), body);
  }))));
  draws.set("queue", queueBox(ctx, bodies.get("queue")!));
  draws.set("comments", commentsBox(ctx, bodies.get("comments")!));
  draws.set("qa", qaBox(ctx, bodies.get("qa")!));
  const floor = floorBox(ctx, bodies.get("floor")!);
  draws.set("floor", floor.draw);
  window.setInterval(() => floor.tick(), 1000);
  draws.set("session", session.draw);
  bodies.get("session")!.append(sessionBody);
  draws.set("polls", pollsBox(ctx, bodies.get("polls")!));
  draws.set("votes", votesBox(ctx, bodies.get("votes")!));
  draws.set("questionnaires", questionnairesBox(ctx, bodies.get("questionnaires")!));
  draws.set("checkin", checkinBox(ctx, bodies.get("checkin")!));
  draws.set("outcomes", outcomesBox(ctx, bodies.get("outcomes")!));
  draws.set("settings", settingsBox(ctx, bodies.get("settings")!));
  draws.set("status", () => renderStatus(root, state, t));
  previewBox(bodies.get("preview")!);
}

/** A small player of the public stream, and the switch for danmaku on the hall's big screen. */
function previewBox(body: HTMLElement): void {
  const host = h("div", { class: "player-host" });
  const toggle = h("button", { type: "button", class: "btn", "data-bind": "screen-danmaku", "aria-pressed": "false", disabled: true,
    text: t("Room.Player.ScreenDanmaku") });
  body.append(host, h("div", { class: "row preview-actions" }, toggle));
  // The switch says what the hall sees now: 大屏弹幕已开启 / 已关闭.
  const show = (on: boolean) => {
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = t(on ? "Room.Player.ScreenDanmakuOn" : "Room.Player.ScreenDanmakuOff");
  };
  preview = new LivePlayer(host, {
    sessionId: cfg.roomId, t, danmaku: "viewer", compact: true,
    onInfo: (info) => {
      toggle.disabled = !info.canWatch;
      show(info.danmakuOnScreen);
    },
  });
  toggle.addEventListener("click", async () => {
    const on = toggle.getAttribute("aria-pressed") !== "true";
    toggle.disabled = true;
    try {
      const r = await fetch(`/api/sessions/${cfg.roomId}/stream/screen-danmaku`, {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ on }),
      });
      if (!r.ok) throw new Error(String(r.status));
      show(on);
    } catch {
      toast(root, t("RoomError.connection"), "error");
    } finally {
      toggle.disabled = false;
    }
  });
  preview.refresh();
}

const sessionBody = h("div", { class: "stack" });
const session = sessionBox(ctx, sessionBody);
layout();
ctx.client.start().catch((err) => toast(root, refusalText(t, err), "error"));
